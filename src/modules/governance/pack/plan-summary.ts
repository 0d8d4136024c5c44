import { barChart } from '../../../shared/charts/bar.ts'
import { formatPlanDate } from '../../../shared/plan-dates.ts'
import type { WordPart } from '../../../shared/word.ts'
import type { Services } from '../../module.ts'

// An action plan in a board pack: deliverables by RAG across the plan (a chart and its table), the
// RAG by theme, and the deliverables a board asks about — red, overdue, never updated — listed.

type PlanView = Awaited<ReturnType<Services['plans']['getPlan']>>

const RAGS = ['blue', 'green', 'amber', 'red', 'not-started', 'not-rated'] as const
const RAG_WORDS: Record<string, string> = {
  blue: 'Blue – complete',
  green: 'Green – on track',
  amber: 'Amber – at risk',
  red: 'Red – off track',
  'not-started': 'Not started',
  'not-rated': 'Not rated',
}

const THEME_HEAD = ['Theme', 'Blue', 'Green', 'Amber', 'Red', 'Not started', 'Not rated', 'Total']

interface Listed {
  theme: string
  action: string
  outcome: string
  leads: string
  end: string
}

/** The summary parts of one plan; `chartId` keeps each chart's SVG ids distinct within a document. */
export function planSummaryParts(
  plan: PlanView,
  chartId: string,
  options: { lists?: boolean } = {},
): WordPart[] {
  const total: Record<string, number> = Object.fromEntries(RAGS.map((r) => [r, 0]))
  const red: Listed[] = []
  const overdue: Listed[] = []
  const neverUpdated: Listed[] = []
  const themeRows = plan.themes.map((theme) => {
    const counts: Record<string, number> = Object.fromEntries(RAGS.map((r) => [r, 0]))
    let all = 0
    for (const action of theme.actions)
      for (const d of action.deliverables) {
        counts[d.rag] = (counts[d.rag] ?? 0) + 1
        total[d.rag] = (total[d.rag] ?? 0) + 1
        all += 1
        const listed = {
          theme: theme.title,
          action: `${action.number ? `${action.number}. ` : ''}${action.text}`,
          outcome: d.outcome,
          leads: [...d.leads, ...d.leadOrganisations].join(', '),
          end: formatPlanDate(d.end),
        }
        if (d.rag === 'red') red.push(listed)
        if (d.flags.overdue) overdue.push(listed)
        if (d.flags.neverUpdated) neverUpdated.push(listed)
      }
    return [theme.title, ...RAGS.map((r) => String(counts[r] ?? 0)), String(all)]
  })
  const deliverables = Object.values(total).reduce((a, b) => a + b, 0)
  const bars = RAGS.map((r) => ({ label: RAG_WORDS[r] as string, value: total[r] ?? 0 }))
  const title = `${plan.title}: deliverables by RAG`
  const parts: WordPart[] = [
    { kind: 'heading', text: plan.title },
    {
      kind: 'paragraph',
      text: `${deliverables} deliverables: ${red.length} red, ${overdue.length} overdue, ${neverUpdated.length} never updated.`,
    },
  ]
  if (deliverables > 0)
    parts.push({
      kind: 'chart',
      chart: {
        title,
        svg: barChart(chartId, title, bars),
        table: {
          caption: title,
          head: ['RAG', 'Deliverables'],
          rows: bars.map((b) => [b.label, String(b.value)]),
        },
      },
    })
  parts.push({
    kind: 'table',
    table: { caption: `${plan.title}: RAG by theme`, head: THEME_HEAD, rows: themeRows },
  })
  if (options.lists === false) return parts
  for (const [caption, rows] of [
    ['Red – off track', red],
    ['Overdue', overdue],
    ['Never updated', neverUpdated],
  ] as const)
    parts.push(
      rows.length
        ? {
            kind: 'table',
            textColumns: true,
            table: {
              caption: `${caption} (${rows.length})`,
              head: ['Theme', 'Action', 'Deliverable', 'Lead', 'End'],
              rows: rows.map((l) => [l.theme, l.action, l.outcome, l.leads, l.end]),
            },
          }
        : { kind: 'paragraph', text: `${caption}: none.` },
    )
  return parts
}
