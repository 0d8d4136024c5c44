import type { CountDimension, CountRow, CrimeQuery, Source } from '../query-types.ts'
import { Params } from '../store/sql-params.ts'
import type { AnalyticsStore } from '../store/store.ts'

// SQL for counting crimes: police.uk records (one row a crime) and Met recorded-crime figures.

const NO_LOCATION = 'No location'

const AREA_COLUMN = { lad: 'lad_code', ward: 'ward_code', lsoa: 'lsoa21_code' } as const

/**
 * WHERE clauses for police.uk street crimes in the query's area, period and categories. With
 * `joined`, the query already joins lsoa_map as m and filters on it directly.
 */
export function streetScope(q: CrimeQuery, p: Params, joined = false): string {
  const where = [`s.month BETWEEN ${p.month(q.from)} AND ${p.month(q.to)}`]
  if (q.area.type === 'force') where.push(`s.falls_within = ${p.add(q.area.code)}`)
  else if (joined) where.push(`m.${AREA_COLUMN[q.area.type]} = ${p.add(q.area.code)}`)
  else
    where.push(
      `s.lsoa_code IN (SELECT code FROM lsoa_map WHERE ${AREA_COLUMN[q.area.type]} = ${p.add(q.area.code)})`,
    )
  if (q.categories) where.push(`s.crime_type IN (${p.list(q.categories)})`)
  return where.join(' AND ')
}

const STREET_KEYS: Record<CountDimension, { key: string; group?: string; names?: string }> = {
  crime_type: { key: `coalesce(s.crime_type, 'Not stated')` },
  // Grouped on the date itself, as the bare query would, and written as text once per month after.
  month: { key: `strftime(s.month, '%Y-%m')`, group: 's.month' },
  // Names are joined after counting, to a couple of hundred keys rather than millions of rows.
  ward: {
    key: 'm.ward_code',
    names: 'SELECT DISTINCT ward_code AS code, ward_name AS name FROM lsoa_lookup',
  },
  lsoa: { key: 'm.lsoa21_code', names: 'SELECT lsoa21_code AS code, lsoa21_name AS name FROM lsoa_lookup' },
  location: { key: `coalesce(s.location, '${NO_LOCATION}')` },
  outcome: { key: `coalesce(s.last_outcome, 'No outcome published')` },
}

export async function countStreet(
  store: AnalyticsStore,
  q: CrimeQuery,
  by: CountDimension | null,
): Promise<CountRow[]> {
  const p = new Params()
  if (!by) {
    const rows = await store.all<{ count: number }>(
      `SELECT count(*) AS count FROM street_crimes s WHERE ${streetScope(q, p)}`,
      p.values,
    )
    return [{ key: null, label: 'All', count: rows[0]?.count ?? 0 }]
  }
  const k = STREET_KEYS[by]
  if (!k.names) {
    return store.all<CountRow>(
      `SELECT ${k.key} AS key, ${k.key} AS label, count(*) AS count FROM street_crimes s WHERE ${streetScope(q, p)}
       GROUP BY ${k.group ?? k.key} ORDER BY count DESC, key`,
      p.values,
    )
  }
  // A force's crimes include some with no LSOA ("No location"); an ONS area's cannot.
  const join = q.area.type === 'force' ? 'LEFT JOIN' : 'JOIN'
  return store.all<CountRow>(
    `WITH counted AS (
       SELECT ${k.key} AS key, count(*) AS count FROM street_crimes s ${join} lsoa_map m ON m.code = s.lsoa_code
       WHERE ${streetScope(q, p, q.area.type !== 'force')} GROUP BY ${k.key})
     SELECT c.key, coalesce(n.name, c.key, '${NO_LOCATION}') AS label, c.count
     FROM counted c LEFT JOIN (${k.names}) n ON n.code = c.key ORDER BY c.count DESC, c.key`,
    p.values,
  )
}

const LEVEL = { lad: 1, ward: 2, lsoa: 3 } as const

/**
 * Recorded-crime rows for the query, from the one level (borough, ward or LSOA) that has each month:
 * the coarsest level at or below both the area and the breakdown asked for. The Met publishes
 * boroughs and wards historically and LSOAs recently; LSOA figures leave out crimes without a
 * location, so a coarser level is preferred wherever it exists.
 */
function recordedScope(q: CrimeQuery, by: CountDimension | null, p: Params): string {
  const areaLevel = q.area.type === 'force' || q.area.type === 'lad' ? 1 : LEVEL[q.area.type]
  const byLevel = by === 'ward' ? 2 : by === 'lsoa' ? 3 : 1
  const minLevel = Math.max(areaLevel, byLevel)
  const areaFilter =
    q.area.type === 'force'
      ? 'TRUE'
      : q.area.type === 'lad'
        ? `lad = ${p.add(q.area.code)}`
        : q.area.type === 'ward'
          ? `ward = ${p.add(q.area.code)}`
          : `lsoa = ${p.add(q.area.code)}`
  const categories = q.categories
    ? `AND (major_category IN (${p.list(q.categories.map((c) => c.toUpperCase()))})
         OR major_category || ' / ' || minor_category IN (${p.list(q.categories.map((c) => c.toUpperCase()))}))`
    : ''
  return `candidates AS (
      SELECT CASE WHEN r.area_type IN ('lad', 'other') THEN 1 WHEN r.area_type = 'ward' THEN 2 ELSE 3 END AS level,
        r.month, r.major_category, r.minor_category, r.count, r.area_type,
        r.lad_code AS lad,
        CASE WHEN r.area_type = 'ward' THEN r.area_code WHEN r.area_type = 'lsoa' THEN l.ward_code END AS ward,
        CASE WHEN r.area_type = 'lsoa' THEN r.area_code END AS lsoa,
        CASE WHEN r.area_type = 'ward' THEN r.area_name WHEN r.area_type = 'lsoa' THEN l.ward_name END AS ward_name,
        CASE WHEN r.area_type = 'lsoa' THEN r.area_name END AS lsoa_name
      -- Join on the code alone: ward and borough codes never match an LSOA code, and a test of
      -- r.area_type inside ON made DuckDB fall back to a nested-loop join (100x slower).
      FROM recorded_crimes r LEFT JOIN lsoa_lookup l ON l.lsoa21_code = r.area_code
      WHERE r.month BETWEEN ${p.month(q.from)} AND ${p.month(q.to)}
        ${q.area.type === 'force' ? '' : "AND r.area_type <> 'other'"}),
    scoped AS (SELECT * FROM candidates WHERE level >= ${minLevel} AND ${areaFilter}),
    best AS (SELECT month, min(level) AS level FROM scoped GROUP BY month),
    chosen AS (SELECT s.* FROM scoped s JOIN best b ON b.month = s.month AND b.level = s.level WHERE TRUE ${categories})`
}

const RECORDED_KEYS: Partial<Record<CountDimension, { key: string; label: string }>> = {
  crime_type: { key: 'major_category', label: 'major_category' },
  month: { key: `strftime(month, '%Y-%m')`, label: `strftime(month, '%Y-%m')` },
  ward: { key: 'ward', label: `coalesce(any_value(ward_name), ward, '${NO_LOCATION}')` },
  lsoa: { key: 'lsoa', label: `coalesce(any_value(lsoa_name), lsoa)` },
}

export function recordedDimensionSupported(by: CountDimension | null): boolean {
  return by === null || RECORDED_KEYS[by] !== undefined
}

export async function countRecorded(
  store: AnalyticsStore,
  q: CrimeQuery,
  by: CountDimension | null,
): Promise<CountRow[]> {
  const p = new Params()
  const scope = recordedScope(q, by, p)
  if (!by) {
    const rows = await store.all<{ count: number }>(
      `WITH ${scope} SELECT coalesce(sum(count), 0)::BIGINT AS count FROM chosen`,
      p.values,
    )
    return [{ key: null, label: 'All', count: rows[0]?.count ?? 0 }]
  }
  const k = RECORDED_KEYS[by]
  if (!k) throw new Error(`Recorded crime cannot be broken down by ${by}`)
  return store.all<CountRow>(
    `WITH ${scope} SELECT ${k.key} AS key, ${k.label} AS label, sum(count)::BIGINT AS count
     FROM chosen GROUP BY ${k.key} ORDER BY count DESC, key`,
    p.values,
  )
}

/** Which recorded-crime level supplied each month of the query (for the data notes). */
export async function recordedLevels(
  store: AnalyticsStore,
  q: CrimeQuery,
): Promise<Array<{ level: number; from: string; to: string }>> {
  const p = new Params()
  const scope = recordedScope({ ...q, categories: null }, null, p)
  return store.all(
    `WITH ${scope} SELECT level, strftime(min(month), '%Y-%m') AS "from", strftime(max(month), '%Y-%m') AS "to" FROM best GROUP BY level ORDER BY 2`,
    p.values,
  )
}

/** The level (1 borough, 2 ward, 3 LSOA) that supplies each month of the query's period with data for its area. */
export async function recordedMonthLevels(
  store: AnalyticsStore,
  q: CrimeQuery,
): Promise<Array<{ m: string; level: number }>> {
  const p = new Params()
  const scope = recordedScope({ ...q, categories: null }, null, p)
  return store.all(`WITH ${scope} SELECT strftime(month, '%Y-%m') AS m, level FROM best ORDER BY 1`, p.values)
}

const FACTS: Record<Source, string> = { 'police-uk': 'street_crimes', recorded: 'recorded_crimes' }

/** The latest month loaded from a source, as YYYY-MM; null when none is. */
export async function latestMonth(store: AnalyticsStore, source: Source): Promise<string | null> {
  const [row] = await store.all<{ m: string | null }>(
    `SELECT strftime(max(month), '%Y-%m') AS m FROM ${FACTS[source]}`,
  )
  return row?.m ?? null
}

/** Every month loaded from a source, as YYYY-MM. */
export async function loadedMonths(store: AnalyticsStore, source: Source): Promise<Set<string>> {
  const rows = await store.all<{ m: string }>(
    `SELECT strftime(month, '%Y-%m') AS m FROM (SELECT DISTINCT month FROM ${FACTS[source]})`,
  )
  return new Set(rows.map((r) => r.m))
}
