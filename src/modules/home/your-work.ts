import { ATTENTION_GROUPS, type AttentionGroup, attentionFor, byAttentionGroup } from '../plans/attention.ts'
import type { LedDeliverable } from '../plans/deliverable.ts'
import { paths } from '../plans/paths.ts'
import { formatPlanDate } from '../plans/plan-dates.ts'
import { actionHeading, NO_OUTCOME } from '../plans/web/plan-page.ts'
import { flagTags, ragTag, type Tag } from '../plans/web/status-tags.ts'

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

const NEVER_UPDATED: Tag = { text: 'Never updated', classes: 'govuk-tag--yellow' }

/**
 * The signed-in person's own deliverables that need them, grouped overdue, red, then due for an
 * update; each is listed once, under the first group that applies, with all its tags.
 */
export function yourWork(led: readonly LedDeliverable[]): { total: number; groups: WorkGroup[] } {
  const groups = byAttentionGroup(led).map(({ group, items }) => ({
    key: group,
    heading: ATTENTION_GROUPS[group],
    rows: items.map((d): WorkRow => {
      // The plans' own flags may come to carry "never updated"; until then it is shown from here.
      const extra = attentionFor(d).neverUpdated && !('neverUpdated' in d.flags) ? [NEVER_UPDATED] : []
      return {
        href: paths.plans.deliverable(d.id),
        outcome: d.outcome || NO_OUTCOME,
        plan: d.plan.title,
        theme: d.theme,
        action: actionHeading(d.action.number),
        end: formatPlanDate(d.end),
        tags: [ragTag(d.rag), ...flagTags(d.flags), ...extra],
      }
    }),
  }))
  return { total: groups.reduce((n, g) => n + g.rows.length, 0), groups }
}
