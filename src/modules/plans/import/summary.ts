import { personKey } from '../../../shared/names.ts'
import type { ParsedPlan } from './types.ts'

/** The import's JSON contract (`safer plan import --json`): counts, the plan as read, and the report. */
export function importSummary(plan: ParsedPlan) {
  const actions = plan.themes.flatMap((t) => t.actions)
  const deliverables = actions.flatMap((a) => a.deliverables)
  const leads = new Set(deliverables.flatMap((d) => d.leads.map(personKey)))
  const organisations = new Set(deliverables.flatMap((d) => d.leadOrganisations.map((o) => o.toLowerCase())))
  return {
    title: plan.title,
    counts: {
      themes: plan.themes.length,
      actions: actions.length,
      deliverables: deliverables.length,
      locallyAdded: actions.filter((a) => a.locallyAdded).length,
      leads: leads.size,
      organisations: organisations.size,
    },
    themes: plan.themes.map((t) => ({
      title: t.title,
      subtitle: t.subtitle,
      actions: t.actions.map((a) => ({
        number: a.number,
        locallyAdded: a.locallyAdded,
        text: a.text,
        deliverables: a.deliverables.map(({ row: _row, ...d }) => d),
      })),
    })),
    leadership: plan.leadership.map((l) => ({ name: l.name, organisation: l.organisation, role: l.role })),
    strategicAims: plan.strategicAims,
    warnings: plan.warnings,
    errors: plan.errors,
  }
}

export type ImportSummary = ReturnType<typeof importSummary>
