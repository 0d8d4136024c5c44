import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** A spreadsheet as rows of trimmed text; row numbers in reports are 1-based indexes into this. */
export type Table = string[][]

/** The file cannot be read as a spreadsheet at all: the message names the file and says why. */
export class UnreadableFileError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
// Office's encrypted (password-protected) files and old .xls files are OLE compound documents.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

// Safer's plan export (export/formula-guard.ts) puts a ' before text a spreadsheet would run as a
// formula (=, +, -, @, tab, CR). Take exactly one off so export → import gives the text back;
// the export adds one to text already starting "'=" ("''="), so that survives too.
export const unguardFormula = (text: string) => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

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
    if ('result' in value) return value.result instanceof Date ? value.result.toISOString().slice(0, 10) : String(value.result ?? '')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(buffer: Buffer, name: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (error) {
    throw new UnreadableFileError(`${name} could not be read as an Excel workbook (${(error as Error).message}). Save it again from Excel as .xlsx and retry.`)
  }
  // The plan is on the sheet with the most filled rows; cover sheets and notes have few.
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0)
  const sheet = sheets.sort((a, b) => b.actualRowCount - a.actualRowCount)[0]
  if (!sheet) throw new UnreadableFileError(`${name} has no rows on any sheet`)
  const rows: Table = []
  // exceljs works columnCount out afresh on every call by scanning the sheet: ask once.
  const columns = sheet.columnCount
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = []
    for (let c = 1; c <= Math.max(row.cellCount, columns); c++) cells.push(unguardFormula(cellText(row.getCell(c)).trim()))
    rows[r - 1] = cells
  })
  for (let r = 0; r < rows.length; r++) rows[r] ??= []
  return rows
}

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    // Excel on Windows still saves CSV as Windows-1252.
    return new TextDecoder('windows-1252').decode(buffer)
  }
}

function readDelimited(buffer: Buffer, name: string, delimiter: string): Table {
  if (buffer.includes(0)) throw new UnreadableFileError(`${name} is not a spreadsheet or text file (it contains binary data)`)
  try {
    const rows = parseCsv(decode(buffer), { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][]
    return rows.map((cells) => cells.map((c) => unguardFormula(c.trim())))
  } catch (error) {
    throw new UnreadableFileError(`${name} could not be read as ${delimiter === '\t' ? 'tab' : 'comma'}-separated text: ${(error as Error).message}`)
  }
}

/** Reads .xlsx, .csv, .tsv and .txt (tab-separated), checking what the file really is, not only its name. */
export async function readTable(buffer: Buffer, name: string): Promise<Table> {
  if (buffer.length === 0) throw new UnreadableFileError(`${name} is empty`)
  if (buffer.length > MAX_IMPORT_BYTES) {
    throw new UnreadableFileError(`${name} is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; the largest plan Safer imports is 20 MB`)
  }
  const extension = extname(name).toLowerCase()
  if (buffer.subarray(0, 4).equals(OLE)) {
    throw new UnreadableFileError(`${name} is password-protected or an old-style .xls file. Remove the password, save it as .xlsx, and import that.`)
  }
  if (buffer.subarray(0, 4).equals(ZIP)) {
    if (extension !== '.xlsx' && extension !== '.xlsm') throw new UnreadableFileError(`${name} is a compressed file, not a spreadsheet Safer can read (.xlsx, .csv, .tsv)`)
    return readXlsx(buffer, name)
  }
  if (extension === '.xlsx' || extension === '.xlsm') throw new UnreadableFileError(`${name} is not a real Excel workbook (its contents are not .xlsx)`)
  if (extension === '.csv') return readDelimited(buffer, name, ',')
  if (extension === '.tsv' || extension === '.txt' || extension === '.tab') return readDelimited(buffer, name, '\t')
  throw new UnreadableFileError(`${name}: Safer imports .xlsx, .csv and .tsv files, not ${extension || 'files without an extension'}`)
}
