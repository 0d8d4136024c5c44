import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import {
  readWorkbook,
  SpreadsheetRefusedError,
  UnusableWorkbookError,
} from '../../../shared/spreadsheet/reader.ts'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** A spreadsheet as rows of trimmed text; row numbers in reports are 1-based indexes into this. */
export type Table = string[][]

/** The file cannot be read as a spreadsheet at all: the message names the file and says why. */
export class UnreadableFileError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
// Office's encrypted (password-protected) files and old .xls files are OLE compound documents.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

// Safer's plan export (shared/spreadsheet/formula-guard.ts) puts a ' before text a spreadsheet would run as a
// formula (=, +, -, @, tab, CR). Take exactly one off so export → import gives the text back;
// the export adds one to text already starting "'=" ("''="), so that survives too.
export const unguardFormula = (text: string) => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

async function readXlsx(buffer: Buffer, name: string): Promise<Table> {
  try {
    const rows = await readWorkbook(buffer, name)
    return rows.map((cells) => cells.map((c) => unguardFormula(c.trim())))
  } catch (error) {
    if (error instanceof SpreadsheetRefusedError || error instanceof UnusableWorkbookError)
      throw new UnreadableFileError(error.message)
    throw error
  }
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
  if (buffer.includes(0))
    throw new UnreadableFileError(`${name} is not a spreadsheet or text file (it contains binary data)`)
  try {
    const rows = parseCsv(decode(buffer), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][]
    return rows.map((cells) => cells.map((c) => unguardFormula(c.trim())))
  } catch (error) {
    throw new UnreadableFileError(
      `${name} could not be read as ${delimiter === '\t' ? 'tab' : 'comma'}-separated text: ${(error as Error).message}`,
    )
  }
}

/** Reads .xlsx, .csv, .tsv and .txt (tab-separated), checking what the file really is, not only its name. */
export async function readTable(buffer: Buffer, name: string): Promise<Table> {
  if (buffer.length === 0) throw new UnreadableFileError(`${name} is empty`)
  if (buffer.length > MAX_IMPORT_BYTES) {
    throw new UnreadableFileError(
      `${name} is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; the largest plan Safer imports is 20 MB`,
    )
  }
  const extension = extname(name).toLowerCase()
  if (buffer.subarray(0, 4).equals(OLE)) {
    throw new UnreadableFileError(
      `${name} is password-protected or an old-style .xls file. Remove the password, save it as .xlsx, and import that.`,
    )
  }
  if (buffer.subarray(0, 4).equals(ZIP)) {
    if (extension !== '.xlsx' && extension !== '.xlsm')
      throw new UnreadableFileError(
        `${name} is a compressed file, not a spreadsheet Safer can read (.xlsx, .csv, .tsv)`,
      )
    return readXlsx(buffer, name)
  }
  if (extension === '.xlsx' || extension === '.xlsm')
    throw new UnreadableFileError(`${name} is not a real Excel workbook (its contents are not .xlsx)`)
  if (extension === '.csv') return readDelimited(buffer, name, ',')
  if (extension === '.tsv' || extension === '.txt' || extension === '.tab')
    return readDelimited(buffer, name, '\t')
  throw new UnreadableFileError(
    `${name}: Safer imports .xlsx, .csv and .tsv files, not ${extension || 'files without an extension'}`,
  )
}
