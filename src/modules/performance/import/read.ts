import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import {
  readWorkbook,
  SpreadsheetRefusedError,
  UnusableWorkbookError,
} from '../../../shared/spreadsheet/reader.ts'

// A long file of values (.xlsx, .csv, .tsv) as rows of trimmed text. Workbooks go through the
// shared guarded reader, so a "zip bomb" is refused before it is opened, as for plan imports.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** More rows than any partnership's return; a preview of more could not be checked by eye anyway. */
export const MAX_ROWS = 5000

export class UnreadableValuesFileError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('windows-1252').decode(buffer)
  }
}

// Safer's own downloads put a ' before text a spreadsheet would run as a formula; take it off.
const unguard = (text: string) => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

export async function readValuesFile(buffer: Buffer, name: string): Promise<string[][]> {
  if (buffer.length === 0) throw new UnreadableValuesFileError(`${name} is empty`)
  if (buffer.length > MAX_UPLOAD_BYTES)
    throw new UnreadableValuesFileError(`${name} is over 20 MB, the largest file Safer reads`)
  const extension = extname(name).toLowerCase()
  if (buffer.subarray(0, 4).equals(OLE))
    throw new UnreadableValuesFileError(
      `${name} is password-protected or an old-style .xls file. Save it as .xlsx or .csv and upload that.`,
    )
  let rows: string[][]
  if (buffer.subarray(0, 4).equals(ZIP)) {
    if (extension !== '.xlsx')
      throw new UnreadableValuesFileError(
        `${name} is a compressed file, not a spreadsheet Safer can read (.xlsx, .csv, .tsv)`,
      )
    try {
      // Safer's own indicator download puts its figures on "Values" beside an "About" sheet: read that one.
      rows = await readWorkbook(buffer, name, undefined, { preferSheet: 'Values' })
    } catch (error) {
      if (error instanceof SpreadsheetRefusedError || error instanceof UnusableWorkbookError)
        throw new UnreadableValuesFileError(error.message)
      throw error
    }
  } else if (extension === '.csv' || extension === '.tsv' || extension === '.txt') {
    if (buffer.includes(0))
      throw new UnreadableValuesFileError(`${name} is not a text file (it contains binary data)`)
    try {
      rows = parseCsv(decode(buffer), {
        delimiter: extension === '.csv' ? ',' : '\t',
        relax_column_count: true,
        skip_empty_lines: false,
      }) as string[][]
    } catch (error) {
      throw new UnreadableValuesFileError(`${name} could not be read: ${(error as Error).message}`)
    }
  } else {
    throw new UnreadableValuesFileError(`${name}: Safer reads values from .xlsx, .csv and .tsv files`)
  }
  if (rows.length > MAX_ROWS + 1)
    throw new UnreadableValuesFileError(
      `${name} has ${rows.length - 1} rows; upload at most ${MAX_ROWS} at a time`,
    )
  return rows.map((cells) => cells.map((c) => unguard(String(c).trim())))
}
