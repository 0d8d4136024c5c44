import type { Area } from '../query-types.ts'
import { Params } from '../store/sql-params.ts'
import type { AnalyticsStore } from '../store/store.ts'

// SQL for stop and search. Records carry coordinates, not LSOAs: point_lsoa places each point.

export const STOP_SEARCH_DIMENSIONS = {
  object: { label: 'Object of search', sql: `coalesce(ss.object_of_search, 'Not recorded')` },
  outcome: { label: 'Outcome', sql: `coalesce(ss.outcome, 'Not recorded')` },
  legislation: { label: 'Legislation', sql: `coalesce(ss.legislation, 'Not recorded')` },
  age: { label: 'Age range', sql: `coalesce(ss.age_range, 'Not recorded')` },
  officerEthnicity: {
    label: 'Ethnicity (officer-defined)',
    sql: `coalesce(ss.officer_defined_ethnicity, 'Not recorded')`,
  },
  selfEthnicity: {
    label: 'Ethnicity (self-defined, broad group)',
    sql: `coalesce(split_part(ss.self_defined_ethnicity, ' - ', 1), 'Not stated')`,
  },
  gender: { label: 'Gender', sql: `coalesce(ss.gender, 'Not recorded')` },
  type: { label: 'Type of search', sql: `coalesce(ss.type, 'Not recorded')` },
} as const
export type StopSearchDimension = keyof typeof STOP_SEARCH_DIMENSIONS

function scope(area: Area, from: string, to: string, p: Params): string {
  const where = [`ss.month BETWEEN ${p.month(from)} AND ${p.month(to)}`]
  if (area.type === 'force') where.push(`ss.force = ${p.add(area.code)}`)
  else {
    const column = area.type === 'lad' ? 'lad_code' : area.type === 'ward' ? 'ward_code' : 'lsoa21_code'
    where.push(
      `pt.lsoa21_code IN (SELECT lsoa21_code FROM lsoa_lookup WHERE ${column} = ${p.add(area.code)})`,
    )
  }
  return where.join(' AND ')
}

const FROM =
  'stop_searches ss LEFT JOIN point_lsoa pt ON pt.latitude = ss.latitude AND pt.longitude = ss.longitude'

export interface StopSearchSummary {
  total: number
  arrests: number
  linked: number
  section60: number
  noFurtherAction: number
  noLocation: number
}

/**
 * Whether any force in the data marks a search's outcome as linked to its object in the period. The
 * Met writes False on every search, which is no answer: a share of 0% would be a false zero.
 */
export async function outcomeLinkPublished(
  store: AnalyticsStore,
  from: string,
  to: string,
): Promise<boolean> {
  const p = new Params()
  const [row] = await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM stop_searches ss WHERE ss.outcome_linked AND ss.month BETWEEN ${p.month(from)} AND ${p.month(to)}`,
    p.values,
  )
  return (row?.n ?? 0) > 0
}

export async function stopSearchSummary(
  store: AnalyticsStore,
  area: Area,
  from: string,
  to: string,
): Promise<StopSearchSummary> {
  const p = new Params()
  const [row] = await store.all<StopSearchSummary>(
    `SELECT count(*) AS total,
       count(*) FILTER (WHERE ss.outcome = 'Arrest') AS arrests,
       count(*) FILTER (WHERE ss.outcome_linked) AS linked,
       count(*) FILTER (WHERE regexp_matches(ss.legislation, 'section 60\\)', 'i')) AS "section60",
       count(*) FILTER (WHERE ss.outcome = 'A no further action disposal') AS "noFurtherAction",
       count(*) FILTER (WHERE ss.latitude IS NULL) AS "noLocation"
     FROM ${FROM} WHERE ${scope(area, from, to, p)}`,
    p.values,
  )
  return row ?? { total: 0, arrests: 0, linked: 0, section60: 0, noFurtherAction: 0, noLocation: 0 }
}

export async function stopSearchBreakdown(
  store: AnalyticsStore,
  area: Area,
  from: string,
  to: string,
  dimension: StopSearchDimension,
): Promise<Array<{ key: string; count: number; arrests: number }>> {
  const p = new Params()
  const key = STOP_SEARCH_DIMENSIONS[dimension].sql
  return store.all(
    `SELECT ${key} AS key, count(*) AS count, count(*) FILTER (WHERE ss.outcome = 'Arrest') AS arrests
     FROM ${FROM} WHERE ${scope(area, from, to, p)} GROUP BY ${key} ORDER BY count DESC, key`,
    p.values,
  )
}

export async function stopSearchByMonth(store: AnalyticsStore, area: Area, from: string, to: string) {
  const p = new Params()
  return store.all<{ key: string; count: number; arrests: number }>(
    `SELECT strftime(ss.month, '%Y-%m') AS key, count(*) AS count, count(*) FILTER (WHERE ss.outcome = 'Arrest') AS arrests
     FROM ${FROM} WHERE ${scope(area, from, to, p)} GROUP BY 1 ORDER BY 1`,
    p.values,
  )
}
