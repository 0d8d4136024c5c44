import type ExcelJS from 'exceljs'
import { markQuotePrefix, unquoted, writeQuotePrefix } from '../../../shared/spreadsheet/quote-prefix.ts'
import type { PlanTree } from '../plan-tree.ts'
import type { Rag } from '../rag.ts'
import { COLUMN_WIDTHS, PLAN_WIDTH } from './columns.ts'
import { buildPlanSheet, RAG_COLUMN, type SheetRow } from './rows.ts'

// GOV.UK colours, with the text colour that keeps the letter readable on each. The letter is
// always written too: colour is never the only signal.
export const RAG_FILLS: Partial<Record<Rag, { fill: string; text: string }>> = {
  blue: { fill: 'FF1D70B8', text: 'FFFFFFFF' },
  green: { fill: 'FF00703C', text: 'FFFFFFFF' },
  amber: { fill: 'FFFFDD00', text: 'FF0B0C0C' },
  red: { fill: 'FFD4351C', text: 'FFFFFFFF' },
}

const BOLD_ROWS = new Set<SheetRow['kind']>(['title', 'leadership-header', 'plan-header'])

function writeRow(sheet: ExcelJS.Worksheet, index: number, row: SheetRow): void {
  const target = sheet.getRow(index)
  row.cells.forEach((guarded, c) => {
    if (!guarded) return
    const { text, quotePrefix } = unquoted(guarded)
    const cell = target.getCell(c + 1)
    // Always a string, never a Date or number: "Dec-18" must stay the month the plan says.
    cell.value = text
    if (quotePrefix) markQuotePrefix(cell)
  })
  if (BOLD_ROWS.has(row.kind)) target.font = { bold: true, size: row.kind === 'title' ? 14 : 11 }
  // The title runs on across the empty cells beside it rather than wrapping in column A.
  if (row.kind === 'title') target.getCell(1).alignment = { vertical: 'top', wrapText: false }
  if (row.kind === 'note') target.getCell(1).font = { italic: true }
  const guardedFirst = row.cells[0] ?? ''
  const first = unquoted(guardedFirst).text
  if (row.boldPrefix) {
    // The bold run was measured on the guarded text; the cell holds it without the guard quote.
    const titleEnd = row.boldPrefix - (guardedFirst.length - first.length)
    // Rich text reads back as its plain text, so the bold title costs the importer nothing.
    target.getCell(1).value = {
      richText: [{ text: first.slice(0, titleEnd), font: { bold: true } }, { text: first.slice(titleEnd) }],
    }
  }
  const style = row.rag ? RAG_FILLS[row.rag] : undefined
  if (style) {
    const rag = target.getCell(RAG_COLUMN + 1)
    rag.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } }
    rag.font = { bold: true, color: { argb: style.text } }
  }
}

/** The plan as an Excel workbook in the partnerships' own layout, ready to edit and import again. */
export async function exportPlanXlsx(tree: PlanTree): Promise<Buffer> {
  const { rows, firstPlanHeaderRow } = buildPlanSheet(tree)
  // Loaded on first export, not at start-up: exceljs is a large module most commands never use.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  writeQuotePrefix(workbook)
  workbook.creator = 'Safer'
  const sheet = workbook.addWorksheet('Action plan', {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: firstPlanHeaderRow, topLeftCell: `A${firstPlanHeaderRow + 1}` },
    ],
  })
  sheet.columns = COLUMN_WIDTHS.map((width) => ({
    width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }))
  rows.forEach((row, i) => {
    writeRow(sheet, i + 1, row)
  })
  // Printed as plans are printed: landscape, one page wide (as many pages long as it takes), the
  // first theme's header repeated at the top of every page.
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${firstPlanHeaderRow}:${firstPlanHeaderRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  }
  sheet.autoFilter = {
    from: { row: firstPlanHeaderRow, column: 1 },
    to: { row: Math.max(rows.length, firstPlanHeaderRow), column: PLAN_WIDTH },
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
