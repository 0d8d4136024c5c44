import type { StoreConnection } from '../store/store.ts'
import type { BadLine } from './file-errors.ts'
import type { Column } from './formats.ts'

/** A SQL string literal. File paths come from operators, but a quote in a folder name must not break the SQL. */
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`
/** A quoted identifier (month columns are named like 202401). */
export const ident = (value: string) => `"${value.replaceAll('"', '""')}"`

/**
 * read_csv with everything stated: columns and types in the file's order, no sniffing, and
 * unreadable lines kept in a rejects table (with their line numbers) instead of failing the scan,
 * so that Safer can list every bad line at once. A BOM, CRLF and quoted commas are normal input.
 */
export function readCsv(
  path: string | string[],
  columns: Column[],
  rejects: string,
  options: { requiredDates?: string[]; filename?: boolean } = {},
): string {
  const spec = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ')
  // force_not_null makes a blank required date a conversion error (so it is reported with its line)
  // instead of a silent NULL.
  const required = options.requiredDates?.length
    ? `, force_not_null = [${options.requiredDates.map(literal).join(', ')}]`
    : ''
  // Several files are read in one scan (in parallel); `filename` then names each row's file.
  const paths = Array.isArray(path) ? `[${path.map(literal).join(', ')}]` : literal(path)
  const filename = options.filename ? ', filename = true' : ''
  return `read_csv(${paths}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {${spec}}, dateformat = '%Y-%m'${required}${filename},
    store_rejects = true, rejects_table = ${literal(rejects)}, rejects_scan = ${literal(`${rejects}_scan`)})`
}

interface RejectRow {
  path: string
  line: number
  column_name: string | null
  error_type: string
  error_message: string
}

/** The lines DuckDB could not read, one entry per line with every problem on it. */
export async function rejectedLines(
  tx: StoreConnection,
  rejects: string,
  columns: Column[],
): Promise<BadLine[]> {
  return (await rejectedLinesByFile(tx, rejects, columns)).values().next().value ?? []
}

/** The same for a scan of several files, by the path of each file that had any. */
export async function rejectedLinesByFile(
  tx: StoreConnection,
  rejects: string,
  columns: Column[],
): Promise<Map<string, BadLine[]>> {
  const rows = await tx.all<RejectRow>(
    `SELECT s.file_path AS path, r.line, r.column_name, r.error_type, r.error_message
     FROM ${ident(rejects)} r JOIN ${ident(`${rejects}_scan`)} s USING (scan_id, file_id)
     ORDER BY s.file_path, r.line, r.column_idx`,
  )
  const byFile = new Map<string, RejectRow[]>()
  for (const row of rows) {
    const list = byFile.get(row.path) ?? []
    list.push(row)
    byFile.set(row.path, list)
  }
  return new Map([...byFile].map(([path, fileRows]) => [path, linesOf(fileRows, columns)]))
}

function linesOf(rows: RejectRow[], columns: Column[]): BadLine[] {
  const headerOf = new Map(columns.map((c) => [c.name, c.header]))
  const byLine = new Map<number, string[]>()
  for (const row of rows) {
    const problems = byLine.get(row.line) ?? []
    byLine.set(row.line, problems)
    const problem = explain({
      ...row,
      column_name: row.column_name && (headerOf.get(row.column_name) ?? row.column_name),
    })
    // DuckDB reports a short line once for each missing column: one message is enough.
    const repeat =
      problem.startsWith('wrong number of fields') &&
      problems.some((p) => p.startsWith('wrong number of fields'))
    if (!repeat && !problems.includes(problem)) problems.push(problem)
  }
  return [...byLine].map(([line, problems]) => ({ line, problems }))
}

function explain(row: { column_name: string | null; error_type: string; error_message: string }): string {
  switch (row.error_type) {
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return `wrong number of fields (${row.error_message.replace(/^Expected Number of Columns: (\d+) Found: (\d+).*/s, 'expected $1, found $2')})`
    case 'CAST': {
      const value = row.error_message.match(/Could not convert string "(.*?)"/)?.[1]
      return value === undefined
        ? `"${row.column_name}" is blank, but a value is required`
        : `"${row.column_name}": "${value}" is not valid`
    }
    case 'UNQUOTED VALUE':
    case 'UNTERMINATED QUOTE':
      return `badly quoted field (${row.error_type.toLowerCase()})`
    default:
      return `${row.error_type.toLowerCase()}${row.column_name ? ` in ${row.column_name}` : ''}`
  }
}
