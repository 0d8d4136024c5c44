import type { Executor } from '../../db/database.ts'
import type { PlanThemeTable } from './tables.ts'

// SQL for importing a plan again over the one stored: reading everything it holds, archived rows
// included, and changing rows in place so their ids and progress updates stay.

export async function storedThemes(db: Executor, planId: number) {
  return db
    .selectFrom('plan_themes')
    .select(['id', 'position', 'title', 'subtitle', 'notes', 'archived_at'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function storedActions(db: Executor, planId: number) {
  return db
    .selectFrom('plan_actions')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select([
      'plan_actions.id',
      'plan_actions.theme_id',
      'plan_actions.position',
      'plan_actions.number',
      'plan_actions.locally_added',
      'plan_actions.text',
      'plan_actions.archived_at',
    ])
    .where('plan_themes.plan_id', '=', planId)
    .orderBy('plan_actions.position')
    .orderBy('plan_actions.id')
    .execute()
}

function deliverablesOfPlan(db: Executor, planId: number) {
  return db
    .selectFrom('deliverables')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .where('plan_themes.plan_id', '=', planId)
}

export async function storedDeliverables(db: Executor, planId: number) {
  return deliverablesOfPlan(db, planId)
    .selectAll('deliverables')
    .orderBy('deliverables.position')
    .orderBy('deliverables.id')
    .execute()
}

export async function storedLeads(db: Executor, planId: number) {
  return db
    .selectFrom('deliverable_leads')
    .select(['deliverable_id', 'name_as_written', 'position'])
    .where('deliverable_id', 'in', deliverablesOfPlan(db, planId).select('deliverables.id'))
    .orderBy('position')
    .execute()
}

export async function storedLeadOrganisations(db: Executor, planId: number) {
  return db
    .selectFrom('deliverable_lead_organisations')
    .select(['deliverable_id', 'name', 'position'])
    .where('deliverable_id', 'in', deliverablesOfPlan(db, planId).select('deliverables.id'))
    .orderBy('position')
    .execute()
}

/** Each deliverable's newest progress update (by date, then by when it was written). */
export async function latestUpdates(db: Executor, planId: number) {
  const rows = await db
    .selectFrom('deliverable_updates')
    .select(['deliverable_id', 'update_on', 'text', 'id'])
    .where('deliverable_id', 'in', deliverablesOfPlan(db, planId).select('deliverables.id'))
    .orderBy('deliverable_id')
    .orderBy('update_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const latest = new Map<number, { on: string; text: string }>()
  for (const r of rows)
    if (!latest.has(r.deliverable_id)) latest.set(r.deliverable_id, { on: r.update_on, text: r.text })
  return latest
}

type ThemeValues = Pick<PlanThemeTable, 'position' | 'title' | 'subtitle' | 'notes'>

export async function updateTheme(db: Executor, id: number, values: ThemeValues) {
  await db
    .updateTable('plan_themes')
    .set({ ...values, archived_at: null, archived_reason: null, archived_by: null })
    .where('id', '=', id)
    .execute()
}

export async function insertActionRow(
  db: Executor,
  values: { theme_id: number; position: number; number: string | null; locally_added: number; text: string },
) {
  return (await db.insertInto('plan_actions').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateAction(
  db: Executor,
  id: number,
  values: { theme_id: number; position: number; number: string | null; locally_added: number; text: string },
) {
  await db
    .updateTable('plan_actions')
    .set({ ...values, archived_at: null, archived_reason: null, archived_by: null })
    .where('id', '=', id)
    .execute()
}

export interface DeliverableFields {
  action_id: number
  position: number
  outcome: string
  start_on: string | null
  end_on: string | null
  supporting_organisations: string
  progress: string
  comment: string
  document_references: string
  rag: string
  source_row: number | null
}

export async function insertDeliverableRow(db: Executor, values: DeliverableFields, now: string) {
  const row = await db
    .insertInto('deliverables')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A changed deliverable gets a new version, so a form opened before the import sees the change. */
export async function updateDeliverableRow(db: Executor, id: number, values: DeliverableFields, now: string) {
  await db
    .updateTable('deliverables')
    .set((eb) => ({
      ...values,
      archived_at: null,
      archived_reason: null,
      archived_by: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

export async function replaceLeads(
  db: Executor,
  deliverableId: number,
  leads: Array<{ person_id: number; name_as_written: string }>,
) {
  await db.deleteFrom('deliverable_leads').where('deliverable_id', '=', deliverableId).execute()
  if (leads.length) {
    await db
      .insertInto('deliverable_leads')
      .values(leads.map((l, position) => ({ deliverable_id: deliverableId, position, ...l })))
      .execute()
  }
}

export async function replaceLeadOrganisations(db: Executor, deliverableId: number, names: string[]) {
  await db.deleteFrom('deliverable_lead_organisations').where('deliverable_id', '=', deliverableId).execute()
  if (names.length) {
    await db
      .insertInto('deliverable_lead_organisations')
      .values(names.map((name, position) => ({ deliverable_id: deliverableId, position, name })))
      .execute()
  }
}

export interface Archiving {
  archived_at: string
  archived_reason: string
  archived_by: string
}

/** Archives the rows still live among these; rows archived before keep their first reason. */
export async function archiveRows(
  db: Executor,
  table: 'plan_themes' | 'plan_actions' | 'deliverables',
  ids: number[],
  archiving: Archiving,
) {
  for (let i = 0; i < ids.length; i += 400) {
    await db
      .updateTable(table)
      .set(archiving)
      .where('id', 'in', ids.slice(i, i + 400))
      .where('archived_at', 'is', null)
      .execute()
  }
}

/** Aims and leadership have no ids anyone links to: a re-import writes them afresh. */
export async function clearAimsAndLeaders(db: Executor, planId: number) {
  await db.deleteFrom('strategic_aims').where('plan_id', '=', planId).execute()
  await db.deleteFrom('leadership_members').where('plan_id', '=', planId).execute()
}
