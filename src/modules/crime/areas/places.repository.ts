import { LONDON_BOROUGHS } from '../../../shared/london-boroughs.ts'
import type { Area, AreaType } from '../query-types.ts'
import { Params } from '../store/sql-params.ts'
import type { AnalyticsStore } from '../store/store.ts'

// SQL about places: finding an area by name or code, its population, its LSOAs and their shapes.

const BOROUGH_VALUES = `(VALUES ${LONDON_BOROUGHS.map(([c, n]) => `('${c}', '${n.replaceAll("'", "''")}')`).join(', ')}) AS b(code, name)`

/** ONS (GSS) codes: a letter and eight digits, upper case as ONS publishes them. No area's name has this shape. */
const ONS_CODE = /^[a-z]\d{8}$/i

export interface FoundAreas {
  areas: Area[]
  /** Whether the ONS lookups are imported (asked in the same statement, to save a round trip). */
  lookupsImported: boolean
}

/**
 * Every area whose code or name is the text given (names compared without case). An ONS code is
 * looked for among codes only, by equality: the first question of every analysis, and comparing
 * names without case costs a pass over every LSOA name.
 */
export async function findAreas(
  store: AnalyticsStore,
  text: string,
  type: AreaType | null,
): Promise<FoundAreas> {
  const p = new Params()
  const typed = text.trim()
  // A force is named as police.uk writes it, never by code.
  const byCode = type !== 'force' && ONS_CODE.test(typed)
  const t = p.add(byCode ? typed.toUpperCase() : typed.toLowerCase())
  const matches = (code: string, name: string) =>
    byCode ? `${code} = ${t}` : `(lower(${code}) = ${t} OR lower(${name}) = ${t})`
  const parts: Record<AreaType, string | null> = {
    lad: `SELECT 'lad', lad_code, lad_name FROM lsoa_lookup WHERE ${matches('lad_code', 'lad_name')}
          UNION ALL SELECT 'lad', code, name FROM ${BOROUGH_VALUES} WHERE ${matches('code', 'name')}
          UNION ALL SELECT 'lad', code, name FROM boundaries WHERE area_type = 'lad' AND ${matches('code', 'name')}`,
    ward: `SELECT 'ward', ward_code, ward_name FROM lsoa_lookup WHERE ${matches('ward_code', 'ward_name')}
           UNION ALL SELECT 'ward', area_code, area_name FROM recorded_crimes WHERE area_type = 'ward' AND ${matches('area_code', 'area_name')}`,
    lsoa: `SELECT 'lsoa', lsoa21_code, lsoa21_name FROM lsoa_lookup WHERE ${matches('lsoa21_code', 'lsoa21_name')}`,
    // Force names come from source_files (a few rows), not from scanning millions of records.
    force: byCode
      ? null
      : `SELECT 'force', name, name FROM (
            SELECT split_part(unnest(keys), '|', 1) AS name FROM source_files WHERE kind IN ('street', 'outcomes', 'stop-search')
            UNION SELECT 'Metropolitan Police Service' WHERE EXISTS (SELECT 1 FROM recorded_crimes))
          WHERE lower(name) = ${t}`,
  }
  const types = type ? [type] : (['lad', 'ward', 'lsoa', 'force'] as AreaType[])
  const wanted = types.flatMap((k) => parts[k] ?? [])
  // Ward names repeat across councils ("Abbey"), so one name can be several wards. The lookups'
  // presence rides along on a row of its own, so it is known even when no area matches.
  const rows = await store.all<{ type: AreaType | null; code: string; name: string; lookups: boolean }>(
    `SELECT DISTINCT type, code, name, NULL AS lookups FROM (${wanted.join(' UNION ALL ')}) AS found(type, code, name)
     UNION ALL SELECT NULL, NULL, NULL, EXISTS (SELECT 1 FROM lsoa_map)
     ORDER BY 1 NULLS LAST, 2`,
    p.values,
  )
  const seen = new Set<string>()
  const areas: Area[] = []
  let lookupsImported = false
  for (const r of rows) {
    if (r.type === null) {
      lookupsImported = r.lookups
      continue
    }
    const key = `${r.type}:${r.code}`
    if (seen.has(key)) continue
    seen.add(key)
    areas.push({ type: r.type, code: r.code, name: r.name })
  }
  return { areas, lookupsImported }
}

/** True when the ONS lookups are imported, so crimes can be placed in wards and local authorities. */
export async function hasAreaLookups(store: AnalyticsStore): Promise<boolean> {
  const [row] = await store.all<{ n: number }>('SELECT count(*) AS n FROM lsoa_map')
  return (row?.n ?? 0) > 0
}

/** The mid-year population estimate years held for the area's LSOAs. */
export async function populationYears(store: AnalyticsStore): Promise<number[]> {
  const rows = await store.all<{ year: number }>('SELECT DISTINCT year FROM population ORDER BY year')
  return rows.map((r) => r.year)
}

function lsoaFilter(area: Area, p: Params): string {
  if (area.type === 'lad') return `l.lad_code = ${p.add(area.code)}`
  if (area.type === 'ward') return `l.ward_code = ${p.add(area.code)}`
  if (area.type === 'lsoa') return `l.lsoa21_code = ${p.add(area.code)}`
  throw new Error('A police force has no ONS population')
}

export async function populationOf(
  store: AnalyticsStore,
  area: Area,
  year: number,
): Promise<{ population: number; lsoas: number }> {
  const p = new Params()
  const [row] = await store.all<{ population: number | null; lsoas: number }>(
    `SELECT sum(pop.population)::BIGINT AS population, count(pop.population) AS lsoas
     FROM lsoa_lookup l LEFT JOIN population pop ON pop.lsoa21_code = l.lsoa21_code AND pop.year = ${p.add(year)}
     WHERE ${lsoaFilter(area, p)}`,
    p.values,
  )
  return { population: row?.population ?? 0, lsoas: row?.lsoas ?? 0 }
}

export interface LsoaRow {
  code: string
  name: string
  wardCode: string | null
  wardName: string | null
  population: number | null
  imdDecile: number | null
}

/** Every 2021 LSOA in a local authority, ward or LSOA, with its population and IMD decile. */
export async function lsoasIn(store: AnalyticsStore, area: Area, year: number | null): Promise<LsoaRow[]> {
  const p = new Params()
  const y = p.add(year ?? 0)
  return store.all<LsoaRow>(
    `SELECT l.lsoa21_code AS code, l.lsoa21_name AS name, l.ward_code AS "wardCode", l.ward_name AS "wardName",
       pop.population, i.decile AS "imdDecile"
     FROM lsoa_lookup l
     LEFT JOIN population pop ON pop.lsoa21_code = l.lsoa21_code AND pop.year = ${y}
     LEFT JOIN lsoa21_imd i ON i.lsoa21_code = l.lsoa21_code
     WHERE ${lsoaFilter(area, p)} ORDER BY l.lsoa21_code`,
    p.values,
  )
}

export interface Shape {
  code: string
  name: string
  geometry: string
}

/** Boundaries of the wards or LSOAs inside an area (by the ONS lookup), for a map. */
export async function shapesIn(store: AnalyticsStore, area: Area, level: 'ward' | 'lsoa'): Promise<Shape[]> {
  const p = new Params()
  const filter = lsoaFilter(area, p)
  const column = level === 'ward' ? 'ward_code' : 'lsoa21_code'
  return store.all<Shape>(
    `SELECT b.code, b.name, b.geometry FROM boundaries b
     WHERE b.area_type = '${level === 'ward' ? 'ward' : 'lsoa21'}'
       AND b.code IN (SELECT ${column} FROM lsoa_lookup l WHERE ${filter}) ORDER BY b.code`,
    p.values,
  )
}

export async function policeUkCrimeTypes(store: AnalyticsStore): Promise<string[]> {
  const rows = await store.all<{ t: string }>(
    'SELECT DISTINCT crime_type AS t FROM street_crimes WHERE crime_type IS NOT NULL ORDER BY 1',
  )
  return rows.map((r) => r.t)
}

export async function recordedCategories(
  store: AnalyticsStore,
): Promise<Array<{ major: string; minor: string }>> {
  return store.all(
    'SELECT DISTINCT major_category AS major, minor_category AS minor FROM recorded_crimes ORDER BY 1, 2',
  )
}

export interface Coverage {
  source: string
  area: string
  from: string
  to: string
  months: number
  rows: number
}

/** What is loaded: each source and force (or recorded-crime level) with its months and size. */
export async function coverage(store: AnalyticsStore): Promise<Coverage[]> {
  return store.all<Coverage>(
    `SELECT 'street' AS source, falls_within AS area, strftime(min(month), '%Y-%m') AS "from", strftime(max(month), '%Y-%m') AS "to",
        count(DISTINCT month) AS months, count(*) AS rows FROM street_crimes GROUP BY falls_within
     UNION ALL
     SELECT 'outcomes', falls_within, strftime(min(month), '%Y-%m'), strftime(max(month), '%Y-%m'), count(DISTINCT month), count(*) FROM outcomes GROUP BY falls_within
     UNION ALL
     SELECT 'stop-search', force, strftime(min(month), '%Y-%m'), strftime(max(month), '%Y-%m'), count(DISTINCT month), count(*) FROM stop_searches GROUP BY force
     UNION ALL
     SELECT 'recorded', area_type, strftime(min(month), '%Y-%m'), strftime(max(month), '%Y-%m'), count(DISTINCT month), count(*) FROM recorded_crimes GROUP BY area_type
     ORDER BY 1, 2`,
  )
}

/**
 * The partnership's own local authority, as far as the data says: partnerships download ward and
 * LSOA figures for their own borough only. Without those, the council with the most crime records.
 */
export async function homeArea(store: AnalyticsStore): Promise<Area | null> {
  const [row] = await store.all<{ code: string; name: string }>(
    `SELECT code, name FROM (
       SELECT r.lad_code AS code, count(*) AS n, 1 AS rank FROM recorded_crimes r WHERE r.area_type IN ('ward', 'lsoa') AND r.lad_code IS NOT NULL GROUP BY 1
       UNION ALL
       SELECT m.lad_code, count(*), 2 FROM street_crimes s JOIN lsoa_map m ON m.code = s.lsoa_code GROUP BY 1
     ) x JOIN (SELECT DISTINCT lad_code, lad_name AS name FROM lsoa_lookup) l ON l.lad_code = x.code
     ORDER BY rank, n DESC, code LIMIT 1`,
  )
  return row ? { type: 'lad', code: row.code, name: row.name } : null
}
