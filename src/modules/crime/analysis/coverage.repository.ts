import type { Area, Source } from '../query-types.ts'
import { Params } from '../store/sql-params.ts'
import type { AnalyticsStore } from '../store/store.ts'

// SQL about what is loaded for an area, month by month: which months, forces, crime types and
// levels a figure rests on. None of it counts crimes.

const AREA_COLUMN = { lad: 'lad_code', ward: 'ward_code', lsoa: 'lsoa21_code' } as const

function streetArea(area: Area, p: Params): string {
  if (area.type === 'force') return `s.falls_within = ${p.add(area.code)}`
  return `s.lsoa_code IN (SELECT code FROM lsoa_map WHERE ${AREA_COLUMN[area.type]} = ${p.add(area.code)})`
}

/**
 * Each police.uk force with any record in the area, and the latest month it holds there. One scan
 * answers both the forces a figure rests on and the area's latest month: asked with the same SQL,
 * the second question is answered from the result cache.
 */
async function streetForcesIn(
  store: AnalyticsStore,
  area: Area,
): Promise<Array<{ force: string; m: string }>> {
  const p = new Params()
  return store.all<{ force: string; m: string }>(
    `SELECT s.falls_within AS force, strftime(max(s.month), '%Y-%m') AS m FROM street_crimes s
     WHERE ${streetArea(area, p)} GROUP BY 1 ORDER BY 1`,
    p.values,
  )
}

/** The police.uk forces with any record in the area, at any time: the forces its figures rest on. */
export async function forcesIn(store: AnalyticsStore, area: Area): Promise<string[]> {
  if (area.type === 'force') return [area.code]
  return (await streetForcesIn(store, area)).map((r) => r.force)
}

/** For each month of the period, each force loaded (anywhere) and the crime types it holds. */
export async function streetTypesByMonth(
  store: AnalyticsStore,
  forces: string[],
  from: string,
  to: string,
): Promise<Array<{ m: string; force: string; type: string }>> {
  if (forces.length === 0) return []
  const p = new Params()
  return store.all(
    // Distinct on the date itself, written as text once per month after, not once per row.
    `SELECT strftime(month, '%Y-%m') AS m, force, type FROM (
       SELECT DISTINCT month, falls_within AS force, crime_type AS type FROM street_crimes
       WHERE month BETWEEN ${p.month(from)} AND ${p.month(to)} AND falls_within IN (${p.list(forces)}))
     ORDER BY 1, 2, 3`,
    p.values,
  )
}

/**
 * Home Office major categories the Met never publishes at LSOA level but still counted at borough
 * or ward level in their latest 12 months (categories long retired, such as fraud before Action
 * Fraud took it, are not news).
 */
export async function categoriesMissingAtLsoaLevel(store: AnalyticsStore): Promise<string[]> {
  const rows = await store.all<{ major: string }>(
    `WITH recent AS (
       SELECT max(month) - INTERVAL 11 MONTH AS since FROM recorded_crimes WHERE area_type <> 'lsoa')
     SELECT major_category AS major FROM recorded_crimes, recent GROUP BY 1
     HAVING NOT bool_or(area_type = 'lsoa')
       AND sum(count) FILTER (WHERE area_type <> 'lsoa' AND month >= recent.since) > 0 ORDER BY 1`,
  )
  return rows.map((r) => r.major)
}

/** The latest month the source holds for the area, as YYYY-MM; null when it holds none. */
export async function latestMonthIn(
  store: AnalyticsStore,
  source: Source | 'stop-search',
  area: Area,
): Promise<string | null> {
  if (source === 'police-uk') {
    // Months as YYYY-MM sort as they fall.
    const latest = (await streetForcesIn(store, area)).map((r) => r.m).sort()
    return latest.at(-1) ?? null
  }
  const p = new Params()
  let sql: string
  if (source === 'stop-search') {
    const where =
      area.type === 'force'
        ? `ss.force = ${p.add(area.code)}`
        : `pt.lsoa21_code IN (SELECT lsoa21_code FROM lsoa_lookup WHERE ${AREA_COLUMN[area.type]} = ${p.add(area.code)})`
    sql = `SELECT strftime(max(ss.month), '%Y-%m') AS m FROM stop_searches ss
           LEFT JOIN point_lsoa pt ON pt.latitude = ss.latitude AND pt.longitude = ss.longitude WHERE ${where}`
  } else {
    const where =
      area.type === 'force'
        ? 'TRUE'
        : area.type === 'lad'
          ? `r.lad_code = ${p.add(area.code)}`
          : area.type === 'ward'
            ? `(r.area_code = ${p.add(area.code)} OR l.ward_code = ${p.add(area.code)})`
            : `r.area_code = ${p.add(area.code)}`
    sql = `SELECT strftime(max(r.month), '%Y-%m') AS m FROM recorded_crimes r
           LEFT JOIN lsoa_lookup l ON l.lsoa21_code = r.area_code WHERE ${where}`
  }
  const [row] = await store.all<{ m: string | null }>(sql, p.values)
  return row?.m ?? null
}

/** The months of the period with stop-and-search records in the area. */
export async function stopSearchMonths(
  store: AnalyticsStore,
  area: Area,
  from: string,
  to: string,
): Promise<string[]> {
  const p = new Params()
  const where =
    area.type === 'force'
      ? `ss.force = ${p.add(area.code)}`
      : `pt.lsoa21_code IN (SELECT lsoa21_code FROM lsoa_lookup WHERE ${AREA_COLUMN[area.type]} = ${p.add(area.code)})`
  const rows = await store.all<{ m: string }>(
    `SELECT DISTINCT strftime(ss.month, '%Y-%m') AS m FROM stop_searches ss
     LEFT JOIN point_lsoa pt ON pt.latitude = ss.latitude AND pt.longitude = ss.longitude
     WHERE ss.month BETWEEN ${p.month(from)} AND ${p.month(to)} AND ${where} ORDER BY 1`,
    p.values,
  )
  return rows.map((r) => r.m)
}
