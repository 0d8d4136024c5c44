import type { AttentionCounts, PlanAttention } from '../plans/attention.ts'
import { paths } from '../plans/paths.ts'

// The partnership manager's view: per plan and theme, how many deliverables are red, overdue, due
// an update or never updated, each a link to the plan page filtered to them.

type Measure = Exclude<keyof AttentionCounts, 'deliverables'>

export const MEASURES: Record<Measure, string> = {
  red: 'Red',
  overdue: 'Overdue',
  stale: 'No update',
  neverUpdated: 'Never updated',
}

/**
 * The plan page's filter for each measure (plan-filter.ts). The plan page has no "never updated"
 * filter yet, so that count links to its theme; add its parameter here once the filter exists.
 */
const FILTERS: Record<Measure, Record<string, string>> = {
  red: { rag: 'red' },
  overdue: { overdue: 'yes' },
  stale: { stale: 'yes' },
  neverUpdated: { neverUpdated: 'yes' },
}

export interface CountCell {
  count: number
  /** None for 0: there is nothing to go and see. */
  href: string | null
  /** For screen readers: what the number counts. */
  label: string
}

export interface OverviewRow {
  label: string
  deliverables: number
  cells: CountCell[]
}

export interface PlanOverview {
  title: string
  href: string
  rows: OverviewRow[]
  total: OverviewRow
}

export function filteredPlanHref(planId: number, measure: Measure, theme?: string): string {
  const query = new URLSearchParams({ ...(theme ? { theme } : {}), ...FILTERS[measure] }).toString()
  return query ? `${paths.plans.show(planId)}?${query}` : paths.plans.show(planId)
}

function row(planId: number, label: string, counts: AttentionCounts, theme?: string): OverviewRow {
  return {
    label,
    deliverables: counts.deliverables,
    cells: (Object.keys(MEASURES) as Measure[]).map((m) => ({
      count: counts[m],
      href: counts[m] > 0 ? filteredPlanHref(planId, m, theme) : null,
      label: `${MEASURES[m].toLowerCase()}, ${label}`,
    })),
  }
}

export function plansOverview(plans: readonly PlanAttention[]): PlanOverview[] {
  return plans.map((p) => ({
    title: p.plan.title,
    href: paths.plans.show(p.plan.id),
    rows: p.themes.map((t) => row(p.plan.id, t.theme, t, t.theme)),
    total: row(p.plan.id, 'All themes', p.total),
  }))
}
