import { createHash } from 'node:crypto'
import type { Db, Executor } from '../../db/database.ts'
import { londonToday } from '../../shared/london-day.ts'
import { splitTitle } from '../../shared/names.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { parsePlanTable } from './import/parse.ts'
import { diffPlan, type PlanChanges } from './import/plan-diff.ts'
import { type ImportSummary, importSummary } from './import/summary.ts'
import { readTable, UnreadableFileError } from './import/table.ts'
import type { ParsedPlan } from './import/types.ts'
import type { PlanTree } from './plan-tree.ts'
import * as repo from './plans.repository.ts'
import { clearAimsAndLeaders } from './reimport.repository.ts'
import { loadStoredPlan, writePlacement } from './reimport.ts'

export interface ImportRequest {
  fileName: string
  content: Buffer
  title?: string
  strategyId?: number | null
  dryRun?: boolean
  replace?: boolean
}

export interface ImportOutcome {
  summary: ImportSummary
  /** Set when the plan was written. */
  planId: number | null
  replaced: boolean
  /**
   * When a plan with this title is stored: what importing the file over it changes (added, changed
   * field by field, archived). On a dry run, what it would change.
   */
  changes?: PlanChanges
}

/** A plan with this title exists and --replace was not given: nothing was written. */
export class PlanExistsError extends Error {
  constructor(
    readonly title: string,
    readonly planId: number,
  ) {
    super(
      `A plan called "${title}" already exists. Replace it (safer plan import FILE --replace, or "Replace the existing plan" on the import page), or give this one a different title.`,
    )
  }
}

const periodOf = (title: string) =>
  title.match(/\b(20\d\d)\s*[/–-]\s*(\d{2,4})\b/)?.[0]?.replace(/\s+/g, '') ?? null

/** Reads a partnership's spreadsheet into a plan: all of it in one transaction, or none of it. */
export function createPlanImportService(db: Db, audit: AuditService, partners: PartnersService) {
  async function matchPeopleOf(trx: Executor, actor: Actor, tree: PlanTree) {
    const leadNames = tree.themes.flatMap((t) =>
      t.actions.flatMap((a) => a.deliverables.flatMap((d) => d.leads)),
    )
    const people = await partners.matchPeople(trx, actor, [
      ...tree.leadership.map((l) => ({ name: splitTitle(l.name).name, jobTitle: l.role || null })),
      ...leadNames.map((n) => ({ name: splitTitle(n).name, jobTitle: splitTitle(n).title })),
    ])
    return (written: string) => people.get(splitTitle(written).name.toLowerCase()) as number
  }

  async function writeAimsAndLeaders(
    trx: Executor,
    planId: number,
    tree: PlanTree,
    personId: (written: string) => number,
  ) {
    await repo.insertAims(
      trx,
      tree.strategicAims.map((text, position) => ({ strategy_id: null, plan_id: planId, position, text })),
    )
    await repo.insertLeaders(
      trx,
      tree.leadership.map((l, position) => ({
        strategy_id: null,
        plan_id: planId,
        position,
        person_id: personId(l.name),
        name_as_written: l.name,
        initials: l.initials ?? null,
        organisation: l.organisation,
        role: l.role,
      })),
    )
  }

  async function writeTree(
    trx: Executor,
    actor: Actor,
    planId: number,
    tree: PlanTree,
    rows?: Map<object, number>,
  ) {
    const personId = await matchPeopleOf(trx, actor, tree)
    await writeAimsAndLeaders(trx, planId, tree, personId)
    const now = new Date().toISOString()
    const themeIds: number[] = []
    for (const [position, theme] of tree.themes.entries()) {
      themeIds.push(
        await repo.insertTheme(trx, {
          plan_id: planId,
          position,
          title: theme.title,
          subtitle: theme.subtitle,
          notes: JSON.stringify(theme.notes),
        }),
      )
    }
    // Each level goes in as one batch; ids come back keyed by parent and position.
    await repo.insertActions(
      trx,
      tree.themes.flatMap((theme, t) =>
        theme.actions.map((a, position) => ({
          theme_id: themeIds[t] as number,
          position,
          number: a.number,
          locally_added: a.locallyAdded ? 1 : 0,
          text: a.text,
        })),
      ),
    )
    const actionIds = new Map(
      (await repo.actionKeysOf(trx, planId)).map((a) => [`${a.theme_id}:${a.position}`, a.id]),
    )
    const actionIdOf = (t: number, position: number) => actionIds.get(`${themeIds[t]}:${position}`) as number
    await repo.insertDeliverables(
      trx,
      tree.themes.flatMap((theme, t) =>
        theme.actions.flatMap((action, a) =>
          action.deliverables.map((d, position) => ({
            action_id: actionIdOf(t, a),
            position,
            outcome: d.outcome,
            start_on: d.start,
            end_on: d.end,
            supporting_organisations: d.supportingOrganisations,
            progress: d.progress,
            comment: d.comment,
            document_references: d.documentReferences,
            rag: d.rag,
            source_row: rows?.get(d) ?? null,
          })),
        ),
      ),
      now,
    )
    const deliverableIds = new Map(
      (await repo.deliverableKeysOf(trx, planId)).map((d) => [`${d.action_id}:${d.position}`, d.id]),
    )
    const placed = tree.themes.flatMap((theme, t) =>
      theme.actions.flatMap((action, a) =>
        action.deliverables.map((d, position) => ({
          d,
          id: deliverableIds.get(`${actionIdOf(t, a)}:${position}`) as number,
        })),
      ),
    )
    await repo.insertLeads(
      trx,
      placed.flatMap(({ d, id }) =>
        d.leads.map((name, i) => ({
          deliverable_id: id,
          position: i,
          person_id: personId(name),
          name_as_written: name,
        })),
      ),
    )
    await repo.insertLeadOrganisations(
      trx,
      placed.flatMap(({ d, id }) =>
        d.leadOrganisations.map((name, i) => ({ deliverable_id: id, position: i, name })),
      ),
    )
  }

  /** Updates the stored plan to the file in place: ids and progress updates stay (ADR 0016). */
  async function replaceInPlace(
    trx: Executor,
    actor: Actor,
    planId: number,
    parsed: ParsedPlan & { title: string },
    now: string,
  ) {
    const { changes, placement } = diffPlan(await loadStoredPlan(trx, planId), parsed.themes)
    const personId = await matchPeopleOf(trx, actor, parsed)
    await clearAimsAndLeaders(trx, planId)
    await writeAimsAndLeaders(trx, planId, parsed, personId)
    await writePlacement(trx, planId, placement, {
      now,
      by: actor.label,
      importedOn: londonToday(new Date(now)),
      personId,
    })
    return changes
  }

  async function importPlan(actor: Actor, request: ImportRequest): Promise<ImportOutcome> {
    let table: Awaited<ReturnType<typeof readTable>>
    try {
      table = await readTable(request.content, request.fileName)
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      const summary = importSummary({
        title: null,
        themes: [],
        leadership: [],
        strategicAims: [],
        warnings: [],
        errors: [{ row: 0, message: error.message }],
      })
      return { summary, planId: null, replaced: false }
    }
    const parsed = parsePlanTable(table)
    const summary = importSummary(parsed)
    if (parsed.errors.length > 0) {
      summary.errors = summary.errors.map((e) => ({ ...e, message: `${request.fileName}: ${e.message}` }))
      return { summary, planId: null, replaced: false }
    }
    const title = (request.title?.trim() || parsed.title || request.fileName).slice(0, 300)
    summary.title = title
    if (request.dryRun) {
      const existing = await repo.findPlanByTitle(db, title)
      if (!existing) return { summary, planId: null, replaced: false }
      return {
        summary,
        planId: null,
        replaced: false,
        changes: diffPlan(await loadStoredPlan(db, existing.id), parsed.themes).changes,
      }
    }

    const values: repo.PlanValues = {
      strategy_id: request.strategyId ?? null,
      title,
      period: periodOf(title),
      owning_board: null,
      source_file: request.fileName,
      source_sha256: createHash('sha256').update(request.content).digest('hex'),
    }
    const rows = new Map<object, number>()
    for (const t of parsed.themes)
      for (const a of t.actions) for (const d of a.deliverables) rows.set(d, d.row)
    return db.transaction().execute(async (trx) => {
      const existing = await repo.findPlanByTitle(trx, title)
      if (existing && !request.replace) throw new PlanExistsError(title, existing.id)
      const now = new Date().toISOString()
      let planId: number
      let changes: PlanChanges | undefined
      if (existing) {
        planId = existing.id
        changes = await replaceInPlace(trx, actor, planId, { ...parsed, title }, now)
        await repo.replacePlanRow(
          trx,
          planId,
          {
            ...values,
            owning_board: existing.owning_board,
            strategy_id: values.strategy_id ?? existing.strategy_id,
          },
          now,
        )
        await repo.touchPlan(trx, planId, now)
      } else {
        planId = await repo.insertPlan(trx, values, now)
        await writeTree(trx, actor, planId, { ...parsed, title }, rows)
      }
      await audit.record(trx, actor, {
        action: existing ? 'plan.replace' : 'plan.import',
        entityType: 'plan',
        entityId: planId,
        detail: {
          file: request.fileName,
          sha256: values.source_sha256,
          counts: summary.counts,
          warnings: summary.warnings.length,
          ...(changes
            ? {
                added: changes.added.length,
                changed: changes.changed.length,
                archived: changes.archived.length,
              }
            : {}),
        },
      })
      return { summary, planId, replaced: Boolean(existing), ...(changes ? { changes } : {}) }
    })
  }

  return { importPlan }
}

export type PlanImportService = ReturnType<typeof createPlanImportService>
