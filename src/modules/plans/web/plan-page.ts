import { formatPlanDate } from '../../../shared/plan-dates.ts'
import { actionHeading, NO_OUTCOME } from '../../../web/plan-words.ts'
import type { Tag } from '../../../web/status-tags.ts'
import { paths } from '../paths.ts'
import { filterChoices, filterPlan, isFiltered, type PlanFilter } from '../plan-filter.ts'
import type { ActionView, DeliverableView, PlanView } from '../plan-view.ts'
import { flagTags, ragTag } from './status-tags.ts'

// The plan page's data, shaped once here so the template only loops and prints: it must stay
// fast for a plan of 1,000 deliverables.

export interface DeliverableRow {
  href: string
  outcome: string
  leads: string
  leadOrganisations: string
  start: string
  end: string
  /** "Lead: Det Supt Helen Lyons (MPS). Start: Dec 2018. End: Ongoing." */
  summary: string
  rag: Tag
  flags: Tag[]
}

export interface ActionBlock {
  id: number
  /** "Action *3", or "Action without a number". */
  heading: string
  locallyAdded: boolean
  text: string
  rows: DeliverableRow[]
}

export interface ThemeBlock {
  id: number
  title: string
  subtitle: string
  actions: ActionBlock[]
}

export function deliverableRow(d: DeliverableView): DeliverableRow {
  const leads = d.leads.join(', ')
  const leadOrganisations = d.leadOrganisations.join(', ')
  const start = formatPlanDate(d.start)
  const end = formatPlanDate(d.end)
  return {
    href: paths.plans.deliverable(d.id),
    outcome: d.outcome || NO_OUTCOME,
    leads,
    leadOrganisations,
    start,
    end,
    summary: `Lead: ${leads || 'none named'}${leadOrganisations ? ` (${leadOrganisations})` : ''}. Start: ${start || 'not set'}. End: ${end || 'not set'}.`,
    rag: ragTag(d.rag),
    flags: flagTags(d.flags),
  }
}

const actionBlock = (a: ActionView): ActionBlock => ({
  id: a.id,
  heading: actionHeading(a.number),
  locallyAdded: a.locallyAdded,
  text: a.text,
  rows: a.deliverables.map(deliverableRow),
})

const countDeliverables = (plan: PlanView) =>
  plan.themes.reduce((n, t) => n + t.actions.reduce((m, a) => m + a.deliverables.length, 0), 0)

const options = (values: string[]) => values.map((v) => ({ value: v, text: v }))

/** Everything the plan page shows for a plan and the filters in its query string. */
export function planPage(plan: PlanView, filter: PlanFilter) {
  const shown = filterPlan(plan, filter)
  const choices = filterChoices(plan)
  return {
    themes: shown.themes.map(
      (t): ThemeBlock => ({
        id: t.id,
        title: t.title,
        subtitle: t.subtitle,
        actions: t.actions.map(actionBlock),
      }),
    ),
    total: countDeliverables(plan),
    shownCount: countDeliverables(shown),
    filtered: isFiltered(filter),
    choices: {
      themes: options(choices.themes),
      leads: options(choices.leads),
      leadOrganisations: options(choices.leadOrganisations),
    },
  }
}
