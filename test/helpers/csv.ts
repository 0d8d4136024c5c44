import { readFileSync } from 'node:fs'

/**
 * A plain CSV reader for tests, written independently of DuckDB so that counts can be checked
 * against the files themselves: quotes, doubled quotes, quoted commas and newlines, CRLF, BOM.
 */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const cached = cache.get(path)
  if (cached) return cached
  const parsed = parse(path)
  cache.set(path, parsed)
  return parsed
}

// The same files are counted by several tests in a file: parse each once.
const cache = new Map<string, { header: string[]; rows: string[][] }>()

function parse(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const [header = [], ...rows] = records
  return { header, rows: rows.filter((r) => !(r.length === 1 && r[0] === '')) }
}

/** Rows as objects keyed by header. */
export function readCsvObjects(path: string): Array<Record<string, string>> {
  const { header, rows } = readCsv(path)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}
