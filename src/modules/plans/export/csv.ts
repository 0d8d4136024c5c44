import type { PlanTree } from '../plan-tree.ts'
import { PLAN_WIDTH } from './columns.ts'
import { buildPlanSheet } from './rows.ts'

// RFC 4180: quote a field holding a quote, comma or line break; double the quotes inside.
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * The plan as CSV. The byte-order mark is what makes Excel read it as UTF-8 rather than the
 * Windows code page (so "–" and "’" survive); CRLF and equal-length rows are what RFC 4180 asks.
 */
export function exportPlanCsv(tree: PlanTree): string {
  const lines = buildPlanSheet(tree).rows.map((row) => {
    const cells = [...row.cells, ...Array<string>(Math.max(0, PLAN_WIDTH - row.cells.length)).fill('')]
    return cells.map(field).join(',')
  })
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
