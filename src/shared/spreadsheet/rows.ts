import type ExcelJS from 'exceljs'
import { checkWorkbookContents, type SpreadsheetLimits } from './guard.ts'

/** A sheet as rows of cell text, untrimmed; row r of the sheet is rows[r - 1]. */
export type SheetRows = string[][]

/** The workbook opened but cannot be used; the message names the file and says why. */
export class UnusableWorkbookError extends Error {}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // A month-formatted date cell ("mmm-yy") is a month, not the 1st of it.
    const iso = value.toISOString().slice(0, 10)
    return /d/i.test(cell.numFmt ?? '') ? iso : iso.slice(0, 7)
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('result' in value)
      return value.result instanceof Date
        ? value.result.toISOString().slice(0, 10)
        : String(value.result ?? '')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

/** Which sheet to read: by default the fullest; a reader may name the sheet its own downloads write. */
export interface SheetChoice {
  /** Read the sheet of this name when the workbook has one with rows (compared without case). */
  preferSheet?: string
}

/**
 * The rows of the workbook's fullest sheet (cover sheets and notes have few rows), or of the sheet
 * asked for, after the guard has measured every part. Runs on the calling thread: see reader.ts for when that is.
 */
export async function workbookRows(
  buffer: Buffer,
  name: string,
  limits?: SpreadsheetLimits,
  choice: SheetChoice = {},
): Promise<SheetRows> {
  checkWorkbookContents(buffer, name, limits)
  // Loaded when a workbook is first read, not at start-up (exceljs is large).
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (error) {
    throw new UnusableWorkbookError(
      `${name} could not be read as an Excel workbook (${(error as Error).message}). Save it again from Excel as .xlsx and retry.`,
    )
  }
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0)
  const wanted = choice.preferSheet?.toLowerCase()
  const sheet =
    sheets.find((s) => wanted !== undefined && s.name.toLowerCase() === wanted) ??
    sheets.sort((a, b) => b.actualRowCount - a.actualRowCount)[0]
  if (!sheet) throw new UnusableWorkbookError(`${name} has no rows on any sheet`)
  const rows: SheetRows = []
  // exceljs works columnCount out afresh on every call by scanning the sheet: ask once.
  const columns = sheet.columnCount
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = []
    for (let c = 1; c <= Math.max(row.cellCount, columns); c++) cells.push(cellText(row.getCell(c)))
    rows[r - 1] = cells
  })
  for (let r = 0; r < rows.length; r++) rows[r] ??= []
  return rows
}
