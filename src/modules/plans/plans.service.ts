import type { Db } from '../../db/database.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { londonToday } from '../../shared/london-day.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { type PlanAttention, planAttention } from './attention.ts'
import { toDeliverable } from './deliverable.ts'
import { exportPlanCsv, exportPlanXlsx } from './export/index.ts'
import { type ListedPlan, toLeader, toListedPlan, toPlanHeader } from './plan.ts'
import { type DeliverableView, type PlanView, treeOf } from './plan-view.ts'
import * as repo from './plans.repository.ts'
import { progressCell } from './progress-cell.ts'
import { latestUpdates } from './reimport.repository.ts'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

/**
 * A file name from a plan's title: the whole title where it fits in 150 characters (a partnership's
 * titles run to 100), else whole words, never ending in a hyphen: "…serious-violence-.xlsx" was a
 * title cut at 80 characters.
 */
export function fileSlug(title: string, max = 150): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastBreak = cut.lastIndexOf('-')
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, max)).replace(/-+$/, '')
}

/** Reading plans: the list, and one plan whole with its flags worked out for today. */
export function createPlansService(db: Db, audit: AuditService, options: { staleDays: number }) {
  // Plans are read far more than they change, and a large one takes tens of milliseconds to load.
  // A cached view is used while the plan's change stamp and the day (flags depend on it) are the same;
  // the stamp is read from the database on every call, so other processes' changes are seen at once.
  const cache = new Map<number, { key: string; view: PlanView }>()
  const CACHED_PLANS = 20

  async function getPlan(id: number, today = londonToday()): Promise<PlanView> {
    const stamp = await repo.planStamp(db, id)
    if (!stamp) throw new NotFoundError('Plan')
    const key = `${stamp.updated_at}|${stamp.version}|${today}`
    const hit = cache.get(id)
    if (hit?.key === key) return hit.view
    // Frozen, because every reader shares it: one that changed it would change it for all.
    const view = deepFreeze(await loadPlan(id, today))
    cache.delete(id)
    cache.set(id, { key, view })
    if (cache.size > CACHED_PLANS) cache.delete(cache.keys().next().value as number)
    return view
  }

  async function loadPlan(id: number, today: string): Promise<PlanView> {
    const row = await repo.findPlan(db, id)
    if (!row) throw new NotFoundError('Plan')
    const plan = toPlanHeader(row)
    const [themes, actions, deliverables, leads, organisations, aims, leaders] = await Promise.all([
      repo.themesOf(db, id),
      repo.actionsOf(db, id),
      repo.deliverablesOf(db, id),
      repo.leadsOf(db, id),
      repo.leadOrganisationsOf(db, id),
      repo.aimsOf(db, { planId: id }),
      repo.leadersOf(db, { planId: id }),
    ])
    const leadsBy = groupBy(leads, (l) => l.deliverable_id)
    const orgsBy = groupBy(organisations, (o) => o.deliverable_id)
    const deliverablesBy = groupBy(
      deliverables.map((row): DeliverableView & { actionId: number } => {
        // The plan's own JSON (GET /plans/{id}) is this view: it keeps exactly its fields.
        const { updatedAt: _notShown, ...d } = toDeliverable(row, today, options.staleDays)
        const leads = leadsBy.get(d.id) ?? []
        return {
          ...d,
          actionId: row.action_id,
          leads: leads.map((l) => l.name_as_written),
          leadPersonIds: leads.map((l) => l.person_id),
          leadOrganisations: (orgsBy.get(d.id) ?? []).map((o) => o.name),
        }
      }),
      (d) => d.actionId,
    )
    const actionsBy = groupBy(actions, (a) => a.theme_id)
    return {
      id: plan.id,
      title: plan.title,
      strategyId: plan.strategyId,
      period: plan.period,
      owningBoard: plan.owningBoard,
      sourceFile: plan.sourceFile,
      updatedAt: plan.updatedAt,
      version: plan.version,
      strategicAims: aims.map((a) => a.text),
      // The plan's JSON names its leaders without their person ids.
      leadership: leaders.map(toLeader).map(({ personId: _p, ...l }) => l),
      themes: themes.map((t) => ({
        id: t.id,
        title: t.title,
        subtitle: t.subtitle,
        notes: JSON.parse(t.notes) as string[],
        actions: (actionsBy.get(t.id) ?? []).map((a) => ({
          id: a.id,
          number: a.number,
          locallyAdded: a.locally_added === 1,
          text: a.text,
          deliverables: (deliverablesBy.get(a.id) ?? []).map(({ actionId: _a, ...d }) => d),
        })),
      })),
    }
  }

  /** A download of the plan in the partnership's spreadsheet layout. Every export is audited. */
  async function exportPlan(actor: Actor, id: number, format: 'xlsx' | 'csv') {
    const plan = await getPlan(id)
    // The Progress column carries the latest progress update after the plan's own text (progress-cell.ts).
    const latest = await latestUpdates(db, id)
    const tree = treeOf({
      ...plan,
      themes: plan.themes.map((t) => ({
        ...t,
        actions: t.actions.map((a) => ({
          ...a,
          deliverables: a.deliverables.map((d) => ({
            ...d,
            progress: progressCell(d.progress, latest.get(d.id)),
          })),
        })),
      })),
    })
    const content = format === 'xlsx' ? await exportPlanXlsx(tree) : Buffer.from(exportPlanCsv(tree), 'utf8')
    const slug = fileSlug(plan.title) || `plan-${id}`
    await audit.record(db, actor, {
      action: 'plan.export',
      entityType: 'plan',
      entityId: id,
      detail: { format, bytes: content.length },
    })
    return {
      fileName: `${slug}.${format}`,
      content,
      contentType:
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
    }
  }

  return {
    exportPlan,
    listPlans: async (): Promise<ListedPlan[]> => (await repo.listPlans(db)).map(toListedPlan),
    getPlan,
    /** Every plan's red, overdue, stale and never-updated counts by theme (live deliverables only). */
    attention: async (today = londonToday()): Promise<PlanAttention[]> => {
      const listed = await repo.listPlans(db)
      return Promise.all(listed.map(async (p) => planAttention(await getPlan(p.id, today))))
    },
  }
}

export type PlansService = ReturnType<typeof createPlansService>
