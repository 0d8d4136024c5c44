import type ExcelJS from 'exceljs'
import { guardFormula } from '../../../shared/spreadsheet/formula-guard.ts'
import { markQuotePrefix, unquoted, writeQuotePrefix } from '../../../shared/spreadsheet/quote-prefix.ts'
import type { PlansService } from '../../plans/plans.service.ts'
import { formatValue } from '../indicator.ts'
import type { IndicatorView } from '../indicators.service.ts'
import { RATING_LABELS } from '../rules/rules.ts'

// Downloads: one indicator's figures (CSV and XLSX), and the London VVRAP quarterly return.
// Text that a spreadsheet would run as a formula is neutralised as in the plan export (the shared
// formula guard): in a workbook it is kept as typed under Excel's quote-prefix style, in CSV it
// gets a leading '.

export interface Download {
  fileName: string
  content: Buffer
  contentType: string
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const csvField = (v: string | number | null) => {
  const text = v === null ? '' : typeof v === 'number' ? String(v) : guardFormula(v)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function indicatorRows(view: IndicatorView): Array<Array<string | number | null>> {
  const names = view.series.comparatorNames
  const header = [
    'indicator',
    'period',
    'value',
    'target',
    'numerator',
    'denominator',
    ...names.map((n) => `comparator: ${n}`),
    'rag',
    'note',
    'computed',
    'entered by',
  ]
  const rows = view.series.points
    .filter((p) => p.value !== null || p.target !== null)
    .map((p) => [
      view.indicator.key,
      p.period,
      p.value,
      p.target,
      p.numerator,
      p.denominator,
      ...names.map((n) => p.comparators[n] ?? null),
      p.rating ? RATING_LABELS[p.rating] : '',
      p.note,
      p.computed ? 'yes' : 'no',
      p.enteredBy ?? '',
    ])
  return [header, ...rows]
}

/** The figures as exact numbers, one row per period: the upload's own layout, so it can go back in. */
export function indicatorCsv(view: IndicatorView): Download {
  const lines = indicatorRows(view).map((r) => r.map(csvField).join(','))
  return {
    fileName: `${view.indicator.key}.csv`,
    content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    contentType: 'text/csv; charset=utf-8',
  }
}

type Cell = string | number | null

/** A row of figures and text: numbers stay numbers; text never runs as a formula, and shows as typed. */
function addRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = sheet.addRow([])
  cells.forEach((v, i) => {
    if (v === null) return
    const cell = row.getCell(i + 1)
    if (typeof v === 'number') {
      cell.value = v
      return
    }
    const { text, quotePrefix } = unquoted(guardFormula(v))
    cell.value = text
    if (quotePrefix) markQuotePrefix(cell)
  })
  return row
}

export async function indicatorXlsx(view: IndicatorView): Promise<Download> {
  const workbook = await newWorkbook()
  workbook.creator = 'Safer'
  const sheet = workbook.addWorksheet('Values', { views: [{ state: 'frozen', ySplit: 1 }] })
  indicatorRows(view).forEach((r, i) => {
    const row = addRow(sheet, r)
    if (i === 0) row.font = { bold: true }
  })
  sheet.columns.forEach((c) => {
    c.width = 16
  })
  const i = view.indicator
  const about: Array<[string, string]> = [
    ['Indicator', i.name],
    ['Key', i.key],
    ['Definition', i.definition],
    ['Unit', formatValue(i, 1).replace(/^1\s?/, '') || i.unit],
    [
      'Polarity',
      i.polarity === 'up' ? 'Higher is better' : i.polarity === 'down' ? 'Lower is better' : 'Monitor only',
    ],
    ['Tolerance', `${i.tolerance}%`],
  ]
  const aboutSheet = workbook.addWorksheet('About')
  for (const row of about) addRow(aboutSheet, row)
  return {
    fileName: `${i.key}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: XLSX,
  }
}

type PlanView = Awaited<ReturnType<PlansService['getPlan']>>

export const VVRAP_COLUMNS = [
  'Theme',
  'Action number',
  'Action',
  'Lead',
  'Lead organisation',
  'RAG',
  'Progress',
  'Comment',
] as const

const RAG_WORDS: Record<string, string> = {
  blue: 'Blue (complete)',
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  'not-started': 'Not started',
  'not-rated': 'Not rated',
}

export interface VvrapCover {
  borough: string
  quarter: string
  date: string
  author: string
}

/** The quarterly VVRAP update as the London review panel takes it: a cover sheet, then one row per deliverable. */
export async function vvrapXlsx(plan: PlanView, cover: VvrapCover): Promise<Download> {
  const workbook = await newWorkbook()
  workbook.creator = 'Safer'
  const front = workbook.addWorksheet('Cover')
  addRow(front, ['Violence and Vulnerability Reduction Action Plan: quarterly update']).font = {
    bold: true,
    size: 14,
  }
  front.addRow([])
  for (const [k, v] of [
    ['Borough', cover.borough],
    ['Quarter', cover.quarter],
    ['Date', cover.date],
    ['Author', cover.author],
    ['Plan', plan.title],
  ] as const)
    addRow(front, [k, v]).getCell(1).font = { bold: true }
  front.getColumn(1).width = 14
  front.getColumn(2).width = 70

  const sheet = workbook.addWorksheet('Update', { views: [{ state: 'frozen', ySplit: 1 }] })
  addRow(sheet, VVRAP_COLUMNS).font = { bold: true }
  for (const theme of plan.themes)
    for (const action of theme.actions)
      for (const d of action.deliverables)
        addRow(sheet, [
          theme.title,
          action.number ?? '',
          action.text,
          d.leads.join(' / '),
          d.leadOrganisations.join(' / '),
          RAG_WORDS[d.rag] ?? d.rag,
          d.progress,
          d.comment,
        ])
  ;[24, 10, 50, 24, 24, 14, 50, 40].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w
    sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rowCount), column: VVRAP_COLUMNS.length },
  }
  const slug = cover.quarter.replace(/[^A-Za-z0-9]+/g, '-')
  return {
    fileName: `vvrap-update-${slug}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: XLSX,
  }
}

/** exceljs loads on the first download, not at every start (it is large, and most requests never need it). */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  writeQuotePrefix(workbook)
  return workbook
}
