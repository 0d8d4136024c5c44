import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { createGunzip } from 'node:zlib'
import { CrimeFileError } from './file-errors.ts'
import {
  type Column,
  type CrimeKind,
  MONTH_COLUMN,
  normaliseHeader,
  POLICE_UK_FORMATS,
  RECORDED_FORMATS,
} from './formats.ts'

/** Splits one CSV line, honouring double quotes ("a, b" is one field; "" is a quote). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      fields.push(field)
      field = ''
    } else field += ch
  }
  fields.push(field)
  return fields
}

/** The first line of a file (a .gz is read through gunzip), without its BOM or line end. */
export async function readHeaderLine(path: string): Promise<string> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 })
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  let text = ''
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8')
      if (text.includes('\n') || text.length > 1_000_000) break
    }
  } catch (error) {
    throw new CrimeFileError(path, `could not be read (${(error as Error).message})`)
  } finally {
    raw.destroy()
  }
  return (text.split('\n')[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '')
}

export interface DetectedCrimeFile {
  kind: CrimeKind
  label: string
  /** In the file's own order, each with the internal name and type DuckDB reads it as. */
  columns: Column[]
  /** Wide (recorded-crime) files only: the YYYYMM columns, in file order. */
  monthColumns: string[]
}

function missingAndUnexpected(expected: string[], found: string[]) {
  const have = new Set(found.map(normaliseHeader))
  const want = new Set(expected.map(normaliseHeader))
  return {
    missing: expected.filter((c) => !have.has(normaliseHeader(c))),
    unexpected: found.filter((c) => !want.has(normaliseHeader(c))),
  }
}

function columnProblem(label: string, missing: string[], unexpected: string[]): string {
  const parts = [`looks like ${label} but its columns are wrong`]
  if (missing.length) parts.push(`missing: ${missing.map((c) => `"${c}"`).join(', ')}`)
  if (unexpected.length)
    parts.push(`not expected: ${unexpected.map((c) => `"${c || '(blank)'}"`).join(', ')}`)
  return parts.join('; ')
}

/** Matches the header against every known crime format; a near miss names what is wrong. */
export function detectCrimeFormat(file: string, headers: string[]): DetectedCrimeFile {
  let nearest: { label: string; missing: string[]; unexpected: string[]; score: number } | null = null
  for (const format of POLICE_UK_FORMATS) {
    const expected = format.columns.map((c) => c.header)
    const { missing, unexpected } = missingAndUnexpected(expected, headers)
    if (missing.length === 0 && unexpected.length === 0 && headers.length === expected.length) {
      const byHeader = new Map(format.columns.map((c) => [normaliseHeader(c.header), c]))
      return {
        kind: format.kind,
        label: format.label,
        columns: headers.map((h) => byHeader.get(normaliseHeader(h)) as Column),
        monthColumns: [],
      }
    }
    const score = expected.length - missing.length - unexpected.length
    if (!nearest || score > nearest.score) nearest = { label: format.label, missing, unexpected, score }
  }
  for (const format of RECORDED_FORMATS) {
    const fixed = format.columns.map((c) => c.header)
    const monthColumns = headers.filter((h) => MONTH_COLUMN.test(h.trim()))
    const others = headers.filter((h) => !MONTH_COLUMN.test(h.trim()))
    const { missing, unexpected } = missingAndUnexpected(fixed, others)
    if (missing.length === 0 && unexpected.length === 0 && monthColumns.length > 0) {
      const byHeader = new Map(format.columns.map((c) => [normaliseHeader(c.header), c]))
      const columns = headers.map((h) =>
        MONTH_COLUMN.test(h.trim())
          ? { header: h, name: h.trim(), type: 'INTEGER' }
          : (byHeader.get(normaliseHeader(h)) as Column),
      )
      return {
        kind: format.kind,
        label: format.label,
        columns,
        monthColumns: monthColumns.map((m) => m.trim()),
      }
    }
    const score = fixed.length - missing.length - unexpected.length + (monthColumns.length ? 1 : 0)
    if (!nearest || score > nearest.score) {
      nearest = {
        label: format.label,
        missing: monthColumns.length ? missing : [...missing, 'a YYYYMM column per month'],
        unexpected,
        score,
      }
    }
  }
  if (nearest && nearest.score >= 2)
    throw new CrimeFileError(file, columnProblem(nearest.label, nearest.missing, nearest.unexpected))
  throw new CrimeFileError(
    file,
    `is not a file Safer recognises. Expected a data.police.uk street, outcomes or stop-and-search CSV, or a Met recorded-crime file; its columns are ${headers
      .slice(0, 8)
      .map((h) => `"${h}"`)
      .join(', ')}${headers.length > 8 ? ', …' : ''}`,
  )
}

/** The force a stop-and-search file belongs to, from its police.uk name ("2024-03-metropolitan-stop-and-search.csv"). */
export function forceFromFileName(file: string): string | null {
  const match = basename(file).match(/^\d{4}-\d{2}-(.+?)-stop-and-search\.csv(\.gz)?$/i)
  return match?.[1] ? forceName(match[1].toLowerCase()) : null
}

const FORCE_NAMES: Record<string, string> = {
  metropolitan: 'Metropolitan Police Service',
  'city-of-london': 'City of London Police',
  btp: 'British Transport Police',
  'northern-ireland': 'Police Service of Northern Ireland',
}

/** police.uk force ids to the name its street files use in "Falls within". */
export function forceName(slug: string): string {
  if (FORCE_NAMES[slug]) return FORCE_NAMES[slug]
  const words = slug.split('-').map((w) => (w === 'and' ? w : w.charAt(0).toUpperCase() + w.slice(1)))
  return `${words.join(' ')} Police`
}
