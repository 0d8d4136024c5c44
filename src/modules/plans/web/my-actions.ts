import { formatPlanDate } from '../../../shared/plan-dates.ts'
import { actionHeading, NO_OUTCOME } from '../../../web/plan-words.ts'
import type { LedDeliverable } from '../deliverable.ts'
import { paths } from '../paths.ts'
import { flagTags, ragTag } from './status-tags.ts'

/** The deliverables a person leads, grouped by plan in the order the service gives them. */
export function myActionsByPlan(rows: LedDeliverable[]) {
  const plans = new Map<number, { title: string; href: string; rows: Array<Record<string, unknown>> }>()
  for (const r of rows) {
    let plan = plans.get(r.plan.id)
    if (!plan) {
      plan = { title: r.plan.title, href: paths.plans.show(r.plan.id), rows: [] }
      plans.set(r.plan.id, plan)
    }
    plan.rows.push({
      href: paths.plans.deliverable(r.id),
      outcome: r.outcome || NO_OUTCOME,
      theme: r.theme,
      action: actionHeading(r.action.number),
      end: formatPlanDate(r.end),
      rag: ragTag(r.rag),
      flags: flagTags(r.flags),
    })
  }
  return [...plans.values()]
}
