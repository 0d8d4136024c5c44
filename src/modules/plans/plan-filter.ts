import { z } from 'zod'
import type { PlanView } from './plan-view.ts'
import { RAG_STATUSES } from './rag.ts'

const text = z
  .string()
  .trim()
  .max(200, 'Must be 200 characters or fewer')
  .optional()
  .transform((v) => v || undefined)

/** The plan page's filters, from its query string. */
export const planFilterQuery = z.object({
  theme: text,
  lead: text,
  leadOrganisation: text,
  rag: z
    .enum(RAG_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  overdue: z
    .literal('yes')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  stale: z
    .literal('yes')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  neverUpdated: z
    .literal('yes')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  q: text,
})

export type PlanFilter = z.output<typeof planFilterQuery>

export const isFiltered = (f: PlanFilter) => Object.values(f).some((v) => v !== undefined)

/** The plan with only the deliverables that pass every filter; actions and themes left empty are dropped. */
export function filterPlan(plan: PlanView, f: PlanFilter): PlanView {
  const q = f.q?.toLowerCase()
  const themes = plan.themes
    .filter((t) => !f.theme || t.title === f.theme)
    .map((t) => ({
      ...t,
      actions: t.actions
        .map((a) => ({
          ...a,
          deliverables: a.deliverables.filter(
            (d) =>
              (!f.lead || d.leads.includes(f.lead)) &&
              (!f.leadOrganisation || d.leadOrganisations.includes(f.leadOrganisation)) &&
              (!f.rag || d.rag === f.rag) &&
              (!f.overdue || d.flags.overdue) &&
              (!f.stale || d.flags.stale) &&
              (!f.neverUpdated || d.flags.neverUpdated) &&
              (!q ||
                [a.text, d.outcome, d.progress, d.comment, ...d.leads, ...d.leadOrganisations].some((s) =>
                  s.toLowerCase().includes(q),
                )),
          ),
        }))
        .filter(
          (a) =>
            a.deliverables.length > 0 ||
            (!isFiltered({ ...f, theme: undefined }) && a.deliverables.length === 0),
        ),
    }))
    .filter((t) => t.actions.length > 0)
  return { ...plan, themes }
}

/** The choices for the filter drop-downs: every theme, lead and lead organisation in the plan. */
export function filterChoices(plan: PlanView) {
  const deliverables = plan.themes.flatMap((t) => t.actions.flatMap((a) => a.deliverables))
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b))
  return {
    themes: plan.themes.map((t) => t.title),
    leads: sorted(deliverables.flatMap((d) => d.leads)),
    leadOrganisations: sorted(deliverables.flatMap((d) => d.leadOrganisations)),
  }
}
