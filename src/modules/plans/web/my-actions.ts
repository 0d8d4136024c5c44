import { paths } from '../paths.ts'
import type { DeliverablesService } from '../deliverables.service.ts'
import { formatPlanDate } from '../plan-dates.ts'
import { actionHeading, NO_OUTCOME } from './plan-page.ts'
import { flagTags, ragTag } from './status-tags.ts'

type Led = Awaited<ReturnType<DeliverablesService['ledBy']>>

/** The deliverables a person leads, grouped by plan in the order the service gives them. */
export function myActionsByPlan(rows: Led) {
  const plans = new Map<number, { title: string; href: string; rows: Array<Record<string, unknown>> }>()
  for (const r of rows) {
    let plan = plans.get(r.plan_id)
    if (!plan) {
      plan = { title: r.plan_title, href: paths.plans.show(r.plan_id), rows: [] }
      plans.set(r.plan_id, plan)
    }
    plan.rows.push({
      href: paths.plans.deliverable(r.id),
      outcome: r.outcome || NO_OUTCOME,
      theme: r.theme_title,
      action: actionHeading(r.action_number),
      end: formatPlanDate(r.end_on),
      rag: ragTag(r.rag),
      flags: flagTags(r.flags),
    })
  }
  return [...plans.values()]
}
