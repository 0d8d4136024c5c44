import { type DeliverableFlags, FLAG_LABELS } from '../flags.ts'
import { summarisePlan } from '../plan-summary.ts'
import type { PlanView } from '../plan-view.ts'
import { RAG_LABELS, RAG_STATUSES } from '../rag.ts'
import { ragChart } from './rag-chart.ts'

/** Column headings for the summary tables, in a fixed order. */
// The word alone ("Blue", "Not started"): the chart's key says what each means.
export const RAG_COLUMNS = RAG_STATUSES.map((key) => ({
  key,
  text: RAG_LABELS[key].split(' – ')[0] as string,
}))
// Never updated is counted in the sentence above the tables, where it is read beside "no recent update".
const TABLE_FLAGS: Array<keyof DeliverableFlags> = ['overdue', 'stale', 'endBeforeStart']
export const FLAG_COLUMNS = TABLE_FLAGS.map((key) => ({
  key,
  text: FLAG_LABELS[key],
}))

/** Plan on a page: RAG and flag counts per theme (with the chart), per lead organisation and per lead. */
export function summaryPage(plan: PlanView) {
  const summary = summarisePlan(plan)
  return { ...summary, chart: ragChart(summary.byTheme), ragColumns: RAG_COLUMNS, flagColumns: FLAG_COLUMNS }
}
