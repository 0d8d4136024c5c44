import { LONDON_BOROUGHS } from '../../../shared/london-boroughs.ts'
import type { StoreConnection } from '../store/store.ts'
import { ident, literal, readCsv } from './csv.repository.ts'
import type { Column, CrimeKind } from './formats.ts'

// SQL for the Met's wide recorded-crime files: read as they are (one INTEGER column per month),
// then UNPIVOTed into one row per area × category × month. A blank cell is "not published", not 0,
// and UNPIVOT drops it.

const BOROUGHS = `(VALUES ${LONDON_BOROUGHS.map(([code, name]) => `(${literal(code)}, ${literal(name.toLowerCase())})`).join(', ')}) AS b(code, name)`

const AREA_SQL: Record<string, { type: string; code: string; lad: string }> = {
  'recorded-borough': {
    type: `CASE WHEN b.code IS NULL THEN 'other' ELSE 'lad' END`,
    code: 'b.code',
    lad: 'b.code',
  },
  'recorded-ward': { type: `'ward'`, code: 'r.area_code', lad: 'b.code' },
  'recorded-lsoa': { type: `'lsoa'`, code: 'r.area_code', lad: 'r.lad_code' },
}

export async function loadRecorded(
  tx: StoreConnection,
  kind: CrimeKind,
  fileId: number,
  path: string,
  columns: Column[],
  monthColumns: string[],
  rejects: string,
) {
  const raw = ident(`${rejects}_rows`)
  const area = AREA_SQL[kind]
  if (!area) throw new Error(`Not a recorded-crime kind: ${kind}`)
  await tx.run(`CREATE TEMP TABLE ${raw} AS SELECT * FROM ${readCsv(path, columns, rejects)}`)
  const boroughColumn =
    kind === 'recorded-borough' ? 'area_name' : kind === 'recorded-ward' ? 'borough_name' : null
  const join = boroughColumn ? `LEFT JOIN ${BOROUGHS} ON b.name = lower(trim(r.${boroughColumn}))` : ''
  await tx.run(
    `INSERT INTO recorded_crimes (file_id, area_type, area_code, area_name, lad_code, major_category, minor_category, month, count)
     SELECT ${fileId}, ${area.type}, ${area.code}, r.area_name, ${area.lad}, r.major_category, r.minor_category,
       strptime(r.m, '%Y%m')::DATE, r.value
     FROM (UNPIVOT ${raw} ON ${monthColumns.map(ident).join(', ')} INTO NAME m VALUE value) r ${join}`,
  )
  const [lines] = await tx.all<{ n: number }>(`SELECT count(*) AS n FROM ${raw}`)
  await tx.run(`DROP TABLE ${raw}`)
  return lines?.n ?? 0
}

export interface RecordedStats {
  total: number
  months: string[]
  missingNames: number
}

export async function recordedStats(tx: StoreConnection, fileId: number): Promise<RecordedStats> {
  const [row] = await tx.all<{ total: number; months: string[]; missing: number }>(
    `SELECT coalesce(sum(count), 0)::BIGINT AS total,
       list(DISTINCT strftime(month, '%Y-%m') ORDER BY strftime(month, '%Y-%m')) AS months,
       count(*) FILTER (WHERE area_name IS NULL OR major_category IS NULL OR minor_category IS NULL) AS missing
     FROM recorded_crimes WHERE file_id = ${fileId}`,
  )
  return {
    total: row?.total ?? 0,
    months: [...(row?.months ?? [])].filter(Boolean),
    missingNames: row?.missing ?? 0,
  }
}

export interface ReplacedRecordedMonths {
  areaType: string
  months: string[]
  previousTotal: number
  total: number
  previousFiles: string[]
}

/** A newer file for the same areas and months replaces the older figures (the Met revises them). */
export async function replaceOlderRecorded(
  tx: StoreConnection,
  fileId: number,
): Promise<ReplacedRecordedMonths[]> {
  const keys = `(SELECT DISTINCT area_type, coalesce(area_code, area_name) AS area, month FROM recorded_crimes WHERE file_id = ${fileId})`
  const rows = await tx.all<{ area_type: string; months: string[]; previous_total: number; files: string[] }>(
    `SELECT t.area_type, list(DISTINCT strftime(t.month, '%Y-%m') ORDER BY strftime(t.month, '%Y-%m')) AS months,
       sum(t.count)::BIGINT AS previous_total, list(DISTINCT f.name) AS files
     FROM recorded_crimes t JOIN ${keys} k ON k.area_type = t.area_type AND k.area = coalesce(t.area_code, t.area_name) AND k.month = t.month
     JOIN source_files f ON f.file_id = t.file_id
     WHERE t.file_id <> ${fileId} GROUP BY t.area_type`,
  )
  if (rows.length === 0) return []
  const [now] = await tx.all<{ total: number }>(
    `SELECT sum(count)::BIGINT AS total FROM recorded_crimes t WHERE file_id = ${fileId}
       AND month IN (SELECT month FROM recorded_crimes x WHERE x.file_id <> ${fileId} AND x.area_type = t.area_type)`,
  )
  await tx.run(
    `DELETE FROM recorded_crimes t USING ${keys} k
     WHERE t.file_id <> ${fileId} AND k.area_type = t.area_type AND k.area = coalesce(t.area_code, t.area_name) AND k.month = t.month`,
  )
  return rows.map((r) => ({
    areaType: r.area_type,
    months: [...r.months],
    previousTotal: r.previous_total,
    total: now?.total ?? 0,
    previousFiles: [...r.files],
  }))
}
