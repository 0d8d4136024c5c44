import type { StoreConnection } from '../store/store.ts'
import { ident, literal, readCsv } from './csv.repository.ts'
import type { Column } from './formats.ts'

// SQL for loading data.police.uk files into the analytics store, every file of one kind and layout
// in a single scan. Each function runs inside the ingest's one transaction (tx), so a failure
// anywhere leaves nothing of any file behind.

export type PoliceUkTable = 'street_crimes' | 'outcomes' | 'stop_searches'

/** A file to load, with the id its rows will carry (ids follow the ingest order). */
export interface StagedFile {
  path: string
  fileId: number
}

export async function nextFileIds(tx: StoreConnection, count: number): Promise<number[]> {
  if (count === 0) return []
  const rows = await tx.all<{ id: number }>(
    `SELECT nextval('source_file_ids') AS id FROM range(${count}) ORDER BY range`,
  )
  return rows.map((r) => r.id)
}

export interface SourceFileRow {
  fileId: number
  name: string
  path: string
  kind: string
  force: string | null
  rows: number
  keys?: string[]
}

export async function insertSourceFiles(tx: StoreConnection, files: SourceFileRow[]) {
  if (files.length === 0) return
  const values = files.map((f) => {
    const keys = f.keys ? `[${f.keys.map(literal).join(', ')}]::VARCHAR[]` : 'NULL'
    return `(${f.fileId}, ${literal(f.name)}, ${literal(f.path)}, ${literal(f.kind)}, ${f.force === null ? 'NULL' : literal(f.force)}, ${f.rows}, now()::TIMESTAMP, ${keys})`
  })
  await tx.run(
    `INSERT INTO source_files (file_id, name, path, kind, force, rows, ingested_at, keys) VALUES ${values.join(', ')}`,
  )
}

/** The files already loaded whose force-months overlap these keys (a cheap look at source_files). */
export async function filesHoldingKeys(
  tx: StoreConnection,
  kind: string,
  keys: string[],
): Promise<Array<{ fileId: number; name: string; keys: string[] }>> {
  if (keys.length === 0) return []
  const rows = await tx.all<{ file_id: number; name: string; keys: string[] }>(
    `SELECT file_id, name, keys FROM source_files
     WHERE kind = ${literal(kind)} AND list_has_any(keys, [${keys.map(literal).join(', ')}]::VARCHAR[])
     ORDER BY file_id`,
  )
  return rows.map((r) => ({ fileId: r.file_id, name: r.name, keys: [...r.keys] }))
}

/** The forces named in loaded police.uk files (cheap: from source_files, not the records). */
export async function forceNames(tx: StoreConnection): Promise<string[]> {
  const rows = await tx.all<{ f: string }>(
    `SELECT DISTINCT split_part(unnest(keys), '|', 1) AS f FROM source_files WHERE kind IN ('street', 'outcomes', 'stop-search') ORDER BY 1`,
  )
  return rows.map((r) => r.f).filter(Boolean)
}

/** Each file's path against its id, for joining to read_csv's `filename`. */
const fileIds = (files: StagedFile[]) =>
  `(VALUES ${files.map((f) => `(${literal(f.path)}, ${f.fileId})`).join(', ')}) AS f(path, file_id)`

/** Street or outcomes rows, straight from the files into their table, each tagged with its file. */
export async function loadStreetOrOutcomes(
  tx: StoreConnection,
  table: 'street_crimes' | 'outcomes',
  files: StagedFile[],
  columns: Column[],
  rejects: string,
) {
  const names = columns.map((c) => ident(c.name)).join(', ')
  const source = readCsv(
    files.map((f) => f.path),
    columns,
    rejects,
    { requiredDates: ['month'], filename: true },
  )
  await tx.run(
    `INSERT INTO ${table} (file_id, ${names}) SELECT f.file_id, ${columns.map((c) => `r.${ident(c.name)}`).join(', ')}
     FROM ${source} r JOIN ${fileIds(files)} ON f.path = r.filename`,
  )
}

/** Stop and search has no month or force column: both come from each file's police.uk name. */
export async function loadStopSearch(
  tx: StoreConnection,
  files: Array<StagedFile & { force: string; month: string | null }>,
  columns: Column[],
  rejects: string,
) {
  const staged = ident(`${rejects}_rows`)
  const names = columns.map((c) => ident(c.name)).join(', ')
  const given = `(VALUES ${files
    .map(
      (f) =>
        `(${literal(f.path)}, ${f.fileId}, ${literal(f.force)}, ${f.month ? `DATE ${literal(`${f.month}-01`)}` : 'NULL::DATE'})`,
    )
    .join(', ')}) AS f(path, file_id, force, month)`
  await tx.run(
    `CREATE TEMP TABLE ${staged} AS SELECT * FROM ${readCsv(
      files.map((f) => f.path),
      columns,
      rejects,
      { filename: true },
    )}`,
  )
  // Without a month in the file name, the month most of the file's searches fall in.
  await tx.run(
    `INSERT INTO stop_searches (file_id, force, month, ${names})
     SELECT f.file_id, f.force, coalesce(f.month, m.month), ${columns.map((c) => `r.${ident(c.name)}`).join(', ')}
     FROM ${staged} r JOIN ${given} ON f.path = r.filename
     LEFT JOIN (SELECT filename, mode(date_trunc('month', searched_at)::DATE) AS month FROM ${staged} GROUP BY filename) m
       ON m.filename = r.filename`,
  )
  await tx.run(`DROP TABLE ${staged}`)
}

export interface FileStats {
  rows: number
  duplicates: number
  noLocation: number
  months: string[]
  /** "force|YYYY-MM" for each force and month in the file */
  keys: string[]
}

export const FORCE_COLUMN: Record<PoliceUkTable, string> = {
  street_crimes: 'falls_within',
  outcomes: 'falls_within',
  stop_searches: 'force',
}

const idRange = (ids: number[]) => `file_id BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}`

/** Counts over the rows just loaded, per file (new ids are the highest, so zone maps skip older rows). */
export async function fileStats(
  tx: StoreConnection,
  table: PoliceUkTable,
  ids: number[],
): Promise<Map<number, FileStats>> {
  // A repeated Crime ID is reported, not dropped: police.uk counts each row as a crime. For stop
  // and search, identical rows are people searched together and are kept too.
  const duplicates =
    table === 'stop_searches' ? `count(*) - any_value(d.n)` : 'count(crime_id) - count(DISTINCT crime_id)'
  const distinctRows =
    table === 'stop_searches'
      ? `LEFT JOIN (SELECT file_id, count(*) AS n FROM (SELECT DISTINCT * FROM stop_searches WHERE ${idRange(ids)}) GROUP BY file_id) d USING (file_id)`
      : ''
  const noLocation =
    table === 'stop_searches'
      ? 'count(*) FILTER (WHERE latitude IS NULL OR longitude IS NULL)'
      : 'count(*) FILTER (WHERE lsoa_code IS NULL)'
  const rows = await tx.all<{
    file_id: number
    rows: number
    duplicates: number
    no_location: number
    months: string[]
    keys: string[]
  }>(
    `SELECT file_id, count(*) AS rows, ${duplicates} AS duplicates, ${noLocation} AS no_location,
       list(DISTINCT strftime(month, '%Y-%m') ORDER BY strftime(month, '%Y-%m')) AS months,
       list(DISTINCT coalesce(${FORCE_COLUMN[table]}, '') || '|' || strftime(month, '%Y-%m')) AS keys
     FROM ${table} ${distinctRows} WHERE ${idRange(ids)} GROUP BY file_id`,
  )
  const stats = new Map<number, FileStats>()
  for (const id of ids) stats.set(id, { rows: 0, duplicates: 0, noLocation: 0, months: [], keys: [] })
  for (const r of rows) {
    stats.set(r.file_id, {
      rows: r.rows,
      duplicates: r.duplicates,
      noLocation: r.no_location,
      months: [...r.months],
      keys: [...r.keys].sort(),
    })
  }
  return stats
}

const OUTCOME_COLUMNS =
  'crime_id, month, reported_by, falls_within, longitude, latitude, location, lsoa_code, lsoa_name, outcome_type'

/** Outcome files repeat some rows exactly; an outcome recorded twice is one outcome. Returns the removed rows per file. */
export async function removeExactDuplicateOutcomes(
  tx: StoreConnection,
  ids: number[],
): Promise<Map<number, number>> {
  const repeats = await tx.all<{ file_id: number; n: number }>(
    `SELECT file_id, count(*) - count(DISTINCT (${OUTCOME_COLUMNS})) AS n FROM outcomes WHERE ${idRange(ids)} GROUP BY file_id`,
  )
  const removed = new Map(repeats.map((r) => [r.file_id, r.n]))
  if (repeats.some((r) => r.n > 0)) {
    await tx.run(
      `DELETE FROM outcomes WHERE ${idRange(ids)} AND rowid NOT IN (
         SELECT min(rowid) FROM outcomes WHERE ${idRange(ids)} GROUP BY file_id, ${OUTCOME_COLUMNS})`,
    )
  }
  return removed
}
