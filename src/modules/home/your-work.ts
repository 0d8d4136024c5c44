import { ATTENTION_GROUPS, type AttentionGroup, attentionFor, attentionGroup } from '../plans/attention.ts'
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
  const groups = new Map<AttentionGroup, WorkRow[]>()
  for (const d of led) {
    const attention = attentionFor(d)
    const group = attentionGroup(attention)
    if (!group) continue
    // The plans' own flags may come to carry "never updated"; until then it is shown from here.
    const extra = attention.neverUpdated && !('neverUpdated' in d.flags) ? [NEVER_UPDATED] : []
    const rows = groups.get(group) ?? []
    rows.push({
      href: paths.plans.deliverable(d.id),
      outcome: d.outcome || NO_OUTCOME,
      plan: d.plan.title,
      theme: d.theme,
      action: actionHeading(d.action.number),
      end: formatPlanDate(d.end),
      tags: [ragTag(d.rag), ...flagTags(d.flags), ...extra],
    })
    groups.set(group, rows)
  }
  const ordered = (Object.keys(ATTENTION_GROUPS) as AttentionGroup[])
    .filter((key) => groups.has(key))
    .map((key) => ({ key, heading: ATTENTION_GROUPS[key], rows: groups.get(key) ?? [] }))
  return { total: ordered.reduce((n, g) => n + g.rows.length, 0), groups: ordered }
}
