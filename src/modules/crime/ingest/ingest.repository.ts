import type { StoreConnection } from '../store/store.ts'
import { ident, literal, readCsv } from './csv.repository.ts'
import type { Column } from './formats.ts'

// SQL for loading one data.police.uk file into the analytics store. Each function runs inside
// the file's transaction (tx), so a failure anywhere leaves nothing of the file behind.

export type PoliceUkTable = 'street_crimes' | 'outcomes' | 'stop_searches'

export async function nextFileId(tx: StoreConnection): Promise<number> {
  const [row] = await tx.all<{ id: number }>(`SELECT nextval('source_file_ids') AS id`)
  return row?.id ?? 1
}

export async function insertSourceFile(
  tx: StoreConnection,
  file: { fileId: number; name: string; path: string; kind: string; force: string | null; rows: number; keys?: string[] },
) {
  const keys = file.keys ? `[${file.keys.map(literal).join(', ')}]::VARCHAR[]` : 'NULL'
  await tx.run(
    `INSERT INTO source_files (file_id, name, path, kind, force, rows, ingested_at, keys)
     VALUES ($1, $2, $3, $4, $5, $6, now()::TIMESTAMP, ${keys})`,
    [file.fileId, file.name, file.path, file.kind, file.force, file.rows],
  )
}

/** Whether an earlier file of the same kind held any of this file's force-months (a cheap look at source_files). */
export async function hasOlderCopies(tx: StoreConnection, kind: string, fileId: number): Promise<boolean> {
  const [row] = await tx.all<{ n: number }>(
    `SELECT count(*) AS n FROM source_files o, source_files f
     WHERE f.file_id = ${fileId} AND o.file_id <> ${fileId} AND o.kind = ${literal(kind)} AND list_has_any(o.keys, f.keys)`,
  )
  return (row?.n ?? 0) > 0
}

/** The forces named in loaded police.uk files (cheap: from source_files, not the records). */
export async function forceNames(tx: StoreConnection): Promise<string[]> {
  const rows = await tx.all<{ f: string }>(
    `SELECT DISTINCT split_part(unnest(keys), '|', 1) AS f FROM source_files WHERE kind IN ('street', 'outcomes', 'stop-search') ORDER BY 1`,
  )
  return rows.map((r) => r.f).filter(Boolean)
}

/** Street or outcomes rows, straight from the file into their table, tagged with the file. */
export async function loadStreetOrOutcomes(
  tx: StoreConnection,
  table: 'street_crimes' | 'outcomes',
  fileId: number,
  path: string,
  columns: Column[],
  rejects: string,
) {
  const names = columns.map((c) => ident(c.name)).join(', ')
  await tx.run(
    `INSERT INTO ${table} (file_id, ${names}) SELECT ${fileId}, ${names} FROM ${readCsv(path, columns, rejects, { requiredDates: ['month'] })}`,
  )
}

/** Stop and search has no month or force column: both come from the file (its police.uk name). */
export async function loadStopSearch(
  tx: StoreConnection,
  fileId: number,
  path: string,
  columns: Column[],
  rejects: string,
  force: string,
  month: string | null,
) {
  const names = columns.map((c) => ident(c.name)).join(', ')
  // Without a month in the file name, the month most of the searches fall in.
  const monthSql = month
    ? `DATE ${literal(`${month}-01`)}`
    : `(SELECT mode(date_trunc('month', searched_at)::DATE) FROM ${ident(`${rejects}_rows`)})`
  await tx.run(
    `CREATE TEMP TABLE ${ident(`${rejects}_rows`)} AS SELECT * FROM ${readCsv(path, columns, rejects)}`,
  )
  await tx.run(
    `INSERT INTO stop_searches (file_id, force, month, ${names}) SELECT ${fileId}, ${literal(force)}, ${monthSql}, ${names} FROM ${ident(`${rejects}_rows`)}`,
  )
  await tx.run(`DROP TABLE ${ident(`${rejects}_rows`)}`)
}

export interface FileStats {
  rows: number
  duplicates: number
  noLocation: number
  months: string[]
  /** "force|YYYY-MM" for each force and month in the file */
  keys: string[]
}

/** Counts over the rows just loaded (file_id is monotonic, so DuckDB's zone maps skip older rows). */
export async function fileStats(
  tx: StoreConnection,
  table: PoliceUkTable,
  fileId: number,
): Promise<FileStats> {
  // A repeated Crime ID is reported, not dropped: police.uk counts each row as a crime. For stop
  // and search, identical rows are people searched together and are kept too.
  const duplicates =
    table === 'stop_searches'
      ? `count(*) - (SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (file_id) FROM stop_searches WHERE file_id = ${fileId}))`
      : 'count(crime_id) - count(DISTINCT crime_id)'
  const noLocation =
    table === 'stop_searches'
      ? 'count(*) FILTER (WHERE latitude IS NULL OR longitude IS NULL)'
      : 'count(*) FILTER (WHERE lsoa_code IS NULL)'
  const [row] = await tx.all<{ rows: number; duplicates: number; no_location: number; months: string[]; keys: string[] }>(
    `SELECT count(*) AS rows, ${duplicates} AS duplicates, ${noLocation} AS no_location,
       list(DISTINCT strftime(month, '%Y-%m') ORDER BY strftime(month, '%Y-%m')) AS months,
       list(DISTINCT coalesce(${FORCE_COLUMN[table]}, '') || '|' || strftime(month, '%Y-%m')) AS keys
     FROM ${table} WHERE file_id = ${fileId}`,
  )
  return {
    rows: row?.rows ?? 0,
    duplicates: row?.duplicates ?? 0,
    noLocation: row?.no_location ?? 0,
    months: [...(row?.months ?? [])],
    keys: [...(row?.keys ?? [])],
  }
}

/** Outcome files repeat some rows exactly; an outcome recorded twice is one outcome. */
export async function removeExactDuplicateOutcomes(tx: StoreConnection, fileId: number): Promise<number> {
  const [before] = await tx.all<{ n: number }>(`SELECT count(*) AS n FROM outcomes WHERE file_id = ${fileId}`)
  await tx.run(
    `DELETE FROM outcomes WHERE file_id = ${fileId} AND rowid NOT IN (
       SELECT min(rowid) FROM outcomes WHERE file_id = ${fileId}
       GROUP BY crime_id, month, reported_by, falls_within, longitude, latitude, location, lsoa_code, lsoa_name, outcome_type)`,
  )
  const [after] = await tx.all<{ n: number }>(`SELECT count(*) AS n FROM outcomes WHERE file_id = ${fileId}`)
  return (before?.n ?? 0) - (after?.n ?? 0)
}

export interface ReplacedMonth {
  kind: string
  force: string
  month: string
  previousRows: number
  rows: number
  changedOutcomes: number
  previousFiles: string[]
}

const FORCE_COLUMN: Record<PoliceUkTable, string> = {
  street_crimes: 'falls_within',
  outcomes: 'falls_within',
  stop_searches: 'force',
}

/**
 * A newer copy of a force's month replaces the older one. Before the old rows go, the crimes in
 * both copies (matched by Crime ID) are compared, so the report can say how many outcomes changed.
 */
export async function replaceOlderCopies(
  tx: StoreConnection,
  table: PoliceUkTable,
  kind: string,
  fileId: number,
): Promise<ReplacedMonth[]> {
  const force = FORCE_COLUMN[table]
  const outcomeColumn =
    table === 'street_crimes' ? 'last_outcome' : table === 'outcomes' ? 'outcome_type' : null
  // A crime's outcome changed when the new copy gives its Crime ID an outcome the old copy did not
  // (Crime IDs can repeat within a month, so this compares sets, counting each crime once).
  const sameKey = (alias: string) =>
    `${alias}.month = k.month AND ${alias}.${force} IS NOT DISTINCT FROM k.force`
  const changed = outcomeColumn
    ? `(SELECT count(DISTINCT n.crime_id) FROM ${table} n
         WHERE n.file_id = ${fileId} AND n.crime_id IS NOT NULL AND ${sameKey('n')}
           AND EXISTS (SELECT 1 FROM ${table} p WHERE p.file_id <> ${fileId} AND p.crime_id = n.crime_id AND ${sameKey('p')})
           AND NOT EXISTS (SELECT 1 FROM ${table} p WHERE p.file_id <> ${fileId} AND p.crime_id = n.crime_id AND ${sameKey('p')}
                             AND p.${outcomeColumn} IS NOT DISTINCT FROM n.${outcomeColumn}))`
    : '0'
  const rows = await tx.all<{
    force: string | null
    month: string
    previous_rows: number
    rows: number
    changed: number
    files: string[]
  }>(
    `WITH keys AS (SELECT DISTINCT ${force} AS force, month FROM ${table} WHERE file_id = ${fileId}),
     old AS (
       SELECT k.force, k.month, count(*) AS previous_rows, list(DISTINCT f.name) AS files
       FROM ${table} t JOIN keys k ON t.month = k.month AND t.${force} IS NOT DISTINCT FROM k.force
       JOIN source_files f ON f.file_id = t.file_id
       WHERE t.file_id <> ${fileId} GROUP BY k.force, k.month)
     SELECT k.force, strftime(k.month, '%Y-%m') AS month, old.previous_rows, old.files,
       (SELECT count(*) FROM ${table} WHERE file_id = ${fileId} AND month = k.month AND ${force} IS NOT DISTINCT FROM k.force) AS rows,
       ${changed} AS changed
     FROM keys k JOIN old ON old.month = k.month AND old.force IS NOT DISTINCT FROM k.force
     ORDER BY 2, 1`,
  )
  if (rows.length > 0) {
    await tx.run(
      `DELETE FROM ${table} t USING (SELECT DISTINCT ${force} AS force, month FROM ${table} WHERE file_id = ${fileId}) k
       WHERE t.file_id <> ${fileId} AND t.month = k.month AND t.${force} IS NOT DISTINCT FROM k.force`,
    )
  }
  return rows.map((r) => ({
    kind,
    force: r.force ?? '(none)',
    month: r.month,
    previousRows: r.previous_rows,
    rows: r.rows,
    changedOutcomes: r.changed,
    previousFiles: [...r.files],
  }))
}
