import type { Executor } from '../../db/database.ts'
import type { Placement, StoredTheme } from './import/plan-diff.ts'
import type { ParsedDeliverable } from './import/types.ts'
import { insertTheme } from './plans.repository.ts'
import type { Rag } from './rag.ts'
import * as repo from './reimport.repository.ts'

// A plan imported again over itself: every row the file still has keeps its id (and with it its
// progress updates), new rows are added, and rows no longer in the file are archived, never
// deleted. Runs inside the import's transaction.

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item])
  return map
}

/** The stored plan, archived rows included, as the diff reads it. */
export async function loadStoredPlan(db: Executor, planId: number): Promise<StoredTheme[]> {
  const [themes, actions, deliverables, leads, organisations] = await Promise.all([
    repo.storedThemes(db, planId),
    repo.storedActions(db, planId),
    repo.storedDeliverables(db, planId),
    repo.storedLeads(db, planId),
    repo.storedLeadOrganisations(db, planId),
  ])
  const leadsBy = groupBy(leads, (l) => l.deliverable_id)
  const organisationsBy = groupBy(organisations, (o) => o.deliverable_id)
  const deliverablesBy = groupBy(deliverables, (d) => d.action_id)
  const actionsBy = groupBy(actions, (a) => a.theme_id)
  return themes.map((t) => ({
    id: t.id,
    position: t.position,
    archived: t.archived_at !== null,
    title: t.title,
    subtitle: t.subtitle,
    notes: JSON.parse(t.notes) as string[],
    actions: (actionsBy.get(t.id) ?? []).map((a) => ({
      id: a.id,
      themeId: a.theme_id,
      position: a.position,
      archived: a.archived_at !== null,
      number: a.number,
      locallyAdded: a.locally_added === 1,
      text: a.text,
      deliverables: (deliverablesBy.get(a.id) ?? []).map((d) => ({
        id: d.id,
        actionId: d.action_id,
        position: d.position,
        archived: d.archived_at !== null,
        outcome: d.outcome,
        leads: (leadsBy.get(d.id) ?? []).map((l) => l.name_as_written),
        leadOrganisations: (organisationsBy.get(d.id) ?? []).map((o) => o.name),
        start: d.start_on,
        end: d.end_on,
        supportingOrganisations: d.supporting_organisations,
        progress: d.progress,
        comment: d.comment,
        documentReferences: d.document_references,
        rag: d.rag as Rag,
      })),
    })),
  }))
}

export interface WriteContext {
  now: string
  /** Who archives, by name, as the audit log names them. */
  by: string
  /** YYYY-MM-DD of the import, for the archived rows' reason. */
  importedOn: string
  personId: (nameAsWritten: string) => number
}

/** Writes the placement: updates what changed or moved, adds what is new, archives what is gone. */
export async function writePlacement(db: Executor, planId: number, placement: Placement, ctx: WriteContext) {
  const deliverableValues = (d: ParsedDeliverable, actionId: number, position: number, progress: string) => ({
    action_id: actionId,
    position,
    outcome: d.outcome,
    start_on: d.start,
    end_on: d.end,
    supporting_organisations: d.supportingOrganisations,
    progress,
    comment: d.comment,
    document_references: d.documentReferences,
    rag: d.rag,
    source_row: d.row,
  })
  for (const [t, theme] of placement.themes.entries()) {
    const values = {
      position: t,
      title: theme.node.title,
      subtitle: theme.node.subtitle,
      notes: JSON.stringify(theme.node.notes),
    }
    let themeId = theme.id
    if (themeId === null) themeId = await insertTheme(db, { plan_id: planId, ...values })
    else if (theme.write) await repo.updateTheme(db, themeId, values)
    for (const [a, action] of theme.actions.entries()) {
      const actionValues = {
        theme_id: themeId,
        position: a,
        number: action.node.number,
        locally_added: action.node.locallyAdded ? 1 : 0,
        text: action.node.text,
      }
      let actionId = action.id
      if (actionId === null) actionId = await repo.insertActionRow(db, actionValues)
      else if (action.write) await repo.updateAction(db, actionId, actionValues)
      for (const [position, d] of action.deliverables.entries()) {
        const values = deliverableValues(d.node, actionId, position, d.progress)
        let id = d.id
        if (id === null) id = await repo.insertDeliverableRow(db, values, ctx.now)
        else if (d.write) await repo.updateDeliverableRow(db, id, values, ctx.now)
        if (d.leadsChanged) {
          await repo.replaceLeads(
            db,
            id,
            d.node.leads.map((name) => ({ person_id: ctx.personId(name), name_as_written: name })),
          )
        }
        if (d.organisationsChanged) await repo.replaceLeadOrganisations(db, id, d.node.leadOrganisations)
      }
    }
  }
  const archiving = {
    archived_at: ctx.now,
    archived_reason: `Not in the spreadsheet imported on ${ctx.importedOn}`,
    archived_by: ctx.by,
  }
  await repo.archiveRows(db, 'deliverables', placement.archive.deliverables, archiving)
  await repo.archiveRows(db, 'plan_actions', placement.archive.actions, archiving)
  await repo.archiveRows(db, 'plan_themes', placement.archive.themes, archiving)
}
