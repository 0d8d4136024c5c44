import type { CrimeService } from '../../src/modules/crime/service.ts'
import type { AnalyticsStore } from '../../src/modules/crime/store/store.ts'

// The strategic assessment's aggregates, each timed through Safer's services and as the plainest
// SQL that gives the same answer, run on the same DuckDB store.

export interface Aggregate {
  name: string
  safer: () => Promise<unknown>
  bare: string
}

export function assessmentAggregates(
  crime: CrimeService,
  lad: string,
  from: string,
  to: string,
): Aggregate[] {
  const area = `s.lsoa_code IN (SELECT code FROM lsoa_map WHERE lad_code = '${lad}')`
  const period = `s.month BETWEEN DATE '${from}-01' AND DATE '${to}-01'`
  const q = () => crime.analysis.resolve({ source: 'police-uk', area: lad, from, to })
  return [
    {
      name: 'Total for the borough',
      safer: async () => crime.analysis.total(await q()),
      bare: `SELECT count(*) FROM street_crimes s WHERE ${period} AND ${area}`,
    },
    {
      name: 'By crime type',
      safer: async () => crime.analysis.count(await q(), 'crime_type'),
      bare: `SELECT crime_type, count(*) FROM street_crimes s WHERE ${period} AND ${area} GROUP BY 1`,
    },
    {
      name: 'By month',
      safer: async () => crime.analysis.count(await q(), 'month'),
      bare: `SELECT month, count(*) FROM street_crimes s WHERE ${period} AND ${area} GROUP BY 1`,
    },
    {
      name: 'By ward',
      safer: async () => crime.analysis.count(await q(), 'ward'),
      bare: `SELECT m.ward_code, count(*) FROM street_crimes s JOIN lsoa_map m ON m.code = s.lsoa_code WHERE ${period} AND m.lad_code = '${lad}' GROUP BY 1`,
    },
    {
      name: 'By LSOA',
      safer: async () => crime.analysis.count(await q(), 'lsoa'),
      bare: `SELECT m.lsoa21_code, count(*) FROM street_crimes s JOIN lsoa_map m ON m.code = s.lsoa_code WHERE ${period} AND m.lad_code = '${lad}' GROUP BY 1`,
    },
    {
      name: 'Top places',
      safer: async () => crime.analysis.count(await q(), 'location'),
      bare: `SELECT location, count(*) AS n FROM street_crimes s WHERE ${period} AND ${area} GROUP BY 1 ORDER BY n DESC`,
    },
    {
      name: 'Outcome mix',
      safer: async () => crime.analysis.count(await q(), 'outcome'),
      bare: `SELECT last_outcome, count(*) FROM street_crimes s WHERE ${period} AND ${area} GROUP BY 1`,
    },
    {
      name: 'Whole force by crime type (every row)',
      safer: async () =>
        crime.analysis.count(
          await crime.analysis.resolve({
            source: 'police-uk',
            area: 'Bench Police',
            areaType: 'force',
            from: '2000-01',
            to: '2030-12',
          }),
          'crime_type',
        ),
      bare: `SELECT crime_type, count(*) FROM street_crimes s WHERE falls_within = 'Bench Police' GROUP BY 1`,
    },
  ]
}

/** Median of `runs` timings after one warm-up; `before` runs untimed ahead of each (to empty a cache). */
export async function timeIt(
  fn: () => Promise<unknown>,
  runs: number,
  before?: () => Promise<unknown>,
): Promise<number> {
  await before?.()
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    await before?.()
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
}

/**
 * Medians of `runs` timings of two ways to the same answer, taken in turns (after one warm-up of
 * each), so a burst of other work on a shared machine falls on both alike. `before` runs untimed
 * ahead of each timing of the first (to empty a cache).
 */
export async function timeInTurns(
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
  runs: number,
  before?: () => Promise<unknown>,
): Promise<[number, number]> {
  await before?.()
  await first()
  await second()
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    await before?.()
    let start = performance.now()
    await first()
    a.push(performance.now() - start)
    start = performance.now()
    await second()
    b.push(performance.now() - start)
  }
  const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0
  return [median(a), median(b)]
}

export function bareRunner(store: AnalyticsStore, sql: string) {
  return () => store.all(sql)
}
