import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import {
  readWorkbook,
  SpreadsheetRefusedError,
  UnusableWorkbookError,
} from '../../shared/spreadsheet/reader.ts'

// The partnership's list of named people as a spreadsheet: one person a row under a header row
// naming the columns. Only the name column is required; the rest may be in any order or missing.

export const PEOPLE_FIELDS = ['name', 'organisation', 'jobTitle', 'email'] as const
export type PeopleField = (typeof PEOPLE_FIELDS)[number]

export interface PeopleFileRow {
  /** The row's number as the spreadsheet shows it. */
  row: number
  name: string
  organisation: string
  jobTitle: string
  email: string
}

export interface PeopleFile {
  fileName: string
  rows: PeopleFileRow[]
  /** Where each field was found, as a person reading the sheet would name it: `D (Email)`. */
  columns: Partial<Record<PeopleField, string>>
}

/** The file cannot be read as a list of people: the message names the file and says why. */
export class PeopleFileError extends Error {}

export const MAX_PEOPLE_FILE_BYTES = 5 * 1024 * 1024

const HEADERS: Record<PeopleField, string[]> = {
  name: ['name', 'full name', 'person', 'person name'],
  organisation: [
    'organisation',
    'organization',
    'organisation short name',
    'short name',
    'org',
    'agency',
    'partner',
  ],
  jobTitle: ['job title', 'role', 'title', 'position', 'job title or role', 'job title role'],
  email: ['email', 'email address', 'e mail', 'e mail address'],
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()

const columnLetter = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26)

async function readRows(buffer: Buffer, name: string): Promise<string[][]> {
  if (buffer.length === 0) throw new PeopleFileError(`${name} is empty`)
  if (buffer.length > MAX_PEOPLE_FILE_BYTES)
    throw new PeopleFileError(
      `${name} is over 5 MB: a list of people is far smaller. Check it is the right file.`,
    )
  const extension = extname(name).toLowerCase()
  if (extension === '.xlsx') {
    try {
      return await readWorkbook(buffer, name)
    } catch (error) {
      if (error instanceof SpreadsheetRefusedError || error instanceof UnusableWorkbookError)
        throw new PeopleFileError(error.message)
      throw error
    }
  }
  if (extension !== '.csv') throw new PeopleFileError(`${name} is not a .csv or .xlsx file`)
  if (buffer.includes(0)) throw new PeopleFileError(`${name} is not a text file (it contains binary data)`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    // Excel on Windows still saves CSV as Windows-1252.
    text = new TextDecoder('windows-1252').decode(buffer)
  }
  try {
    return parseCsv(text, { relax_column_count: true, skip_empty_lines: false }) as string[][]
  } catch (error) {
    throw new PeopleFileError(
      `${name} could not be read as comma-separated text: ${(error as Error).message}`,
    )
  }
}

/** Reads a .csv or .xlsx list of people, finding its columns by their headings. */
export async function readPeopleFile(buffer: Buffer, fileName: string): Promise<PeopleFile> {
  const rows = await readRows(buffer, fileName)
  const headerIndex = rows.findIndex((cells) => cells.some((c) => c.trim()))
  const header = rows[headerIndex]
  if (!header) throw new PeopleFileError(`${fileName} has no rows`)
  const at: Partial<Record<PeopleField, number>> = {}
  const columns: Partial<Record<PeopleField, string>> = {}
  header.forEach((cell, index) => {
    const heading = normalise(cell)
    const field = PEOPLE_FIELDS.find((f) => HEADERS[f].includes(heading))
    if (field && at[field] === undefined) {
      at[field] = index
      columns[field] = `${columnLetter(index)} (${cell.trim()})`
    }
  })
  if (at.name === undefined) {
    throw new PeopleFileError(
      `${fileName} has no Name column. Its first row should name the columns: Name, Organisation (short name), Job title, Email.`,
    )
  }
  const cell = (cells: string[], field: PeopleField) => {
    const index = at[field]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  const people: PeopleFileRow[] = []
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    if (!cells.some((c) => c.trim())) return
    people.push({
      row: headerIndex + i + 2,
      name: cell(cells, 'name'),
      organisation: cell(cells, 'organisation'),
      jobTitle: cell(cells, 'jobTitle'),
      email: cell(cells, 'email'),
    })
  })
  return { fileName, rows: people, columns }
}
