import type { DeliverableFlags } from './flags.ts'
import type { DeliverableView, PlanView } from './plan-view.ts'
import { RAG_STATUSES, type Rag } from './rag.ts'

export interface SummaryRow {
  label: string
  total: number
  rag: Record<Rag, number>
  flags: Record<keyof DeliverableFlags, number>
}

function emptyRow(label: string): SummaryRow {
  return {
    label,
    total: 0,
    rag: Object.fromEntries(RAG_STATUSES.map((r) => [r, 0])) as Record<Rag, number>,
    flags: { overdue: 0, stale: 0, endBeforeStart: 0, neverUpdated: 0 },
  }
}

function add(row: SummaryRow, d: DeliverableView) {
  row.total++
  row.rag[d.rag]++
  for (const flag of Object.keys(row.flags) as Array<keyof DeliverableFlags>)
    if (d.flags[flag]) row.flags[flag]++
}

function tally(entries: Array<[string, DeliverableView]>): SummaryRow[] {
  const rows = new Map<string, SummaryRow>()
  for (const [label, d] of entries) {
    const row = rows.get(label) ?? emptyRow(label)
    add(row, d)
    rows.set(label, row)
  }
  return [...rows.values()]
}

/** RAG and flag counts per theme (in plan order), per lead organisation and per lead (by size), and in all. */
export function summarisePlan(plan: PlanView) {
  const all = plan.themes.flatMap((t) =>
    t.actions.flatMap((a) => a.deliverables.map((d) => ({ theme: t.title, d }))),
  )
  const total = emptyRow('All deliverables')
  for (const { d } of all) add(total, d)
  const bySize = (a: SummaryRow, b: SummaryRow) => b.total - a.total || a.label.localeCompare(b.label)
  return {
    total,
    byTheme: plan.themes.map((t) => {
      const row = emptyRow(t.title)
      for (const a of t.actions) for (const d of a.deliverables) add(row, d)
      return row
    }),
    byLeadOrganisation: tally(
      all.flatMap(({ d }) =>
        (d.leadOrganisations.length ? d.leadOrganisations : ['No lead organisation']).map(
          (o): [string, DeliverableView] => [o, d],
        ),
      ),
    ).sort(bySize),
    byLead: tally(
      all.flatMap(({ d }) =>
        (d.leads.length ? d.leads : ['No named lead']).map((l): [string, DeliverableView] => [l, d]),
      ),
    ).sort(bySize),
  }
}

export type PlanSummary = ReturnType<typeof summarisePlan>
