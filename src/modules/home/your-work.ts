import { formatPlanDate } from '../../shared/plan-dates.ts'
import { actionHeading, NO_OUTCOME } from '../../web/plan-words.ts'
import { statusTag, type Tag } from '../../web/status-tags.ts'
import type { AttentionGroup, LeadAttentionGroup } from '../plans/attention.ts'
import { paths } from '../plans/paths.ts'

export interface WorkRow {
  href: string
  outcome: string
  plan: string
  theme: string
  action: string
  end: string
  tags: Tag[]
}

export interface WorkGroup {
  key: AttentionGroup
  heading: string
  rows: WorkRow[]
}

/**
 * The signed-in person's own deliverables that need them, as the plans group them (overdue, red,
 * then due for an update; each once, under the first group that applies), with all its tags.
 */
export function yourWork(groups: readonly LeadAttentionGroup[]): { total: number; groups: WorkGroup[] } {
  const work = groups.map(({ group, heading, deliverables }) => ({
    key: group,
    heading,
    rows: deliverables.map(
      (d): WorkRow => ({
        href: paths.plans.deliverable(d.id),
        outcome: d.outcome || NO_OUTCOME,
        plan: d.plan.title,
        theme: d.theme,
        action: actionHeading(d.action.number),
        end: formatPlanDate(d.end),
        tags: d.statuses.map(statusTag),
      }),
    ),
  }))
  return { total: work.reduce((n, g) => n + g.rows.length, 0), groups: work }
}
