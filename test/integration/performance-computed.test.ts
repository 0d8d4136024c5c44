import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_DATA, loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { loadPerformanceDemo } from '../../src/modules/performance/demo.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'

// Computed indicators are counted from the crime store through the crime service. Their values
// must equal direct counts from the store, and a count made independently from the published
// file, and must follow the store when it is loaded again.

const BOROUGH_FILE = join(
  DEMO_DATA,
  'mps-recorded-crime/mps_recorded_crime_borough_historical_2010-04_to_2024-02.csv',
)
const SOUTHWARK = 'E09000028'

/** Southwark's crimes in the given months, summed straight from the Met's borough file. */
function fromFile(months: string[], major?: string): number {
  const rows = parse(readFileSync(BOROUGH_FILE), { columns: true }) as Array<Record<string, string>>
  return rows
    .filter((r) => r.boroughname === 'Southwark' && (!major || r.majortext === major))
    .reduce((sum, r) => sum + months.reduce((s, m) => s + Number(r[m.replace('-', '')] ?? 0), 0), 0)
}

const fy = (start: number) =>
  Array.from(
    { length: 12 },
    (_, i) => `${start + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
  )

describe('computed indicators from the demo crime extract', { timeout: 300_000 }, () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    await loadPerformanceDemo(t.deps.services, TEST_ACTOR)
  })
  afterAll(() => t.close())

  it('counts each month as the crime store does, for every month it holds', async () => {
    const view = await t.deps.services.indicators.get('robbery')
    const direct = await t.deps.services.crime.analysis.counts({
      source: 'recorded',
      area: SOUTHWARK,
      crimeType: 'ROBBERY',
      from: '2010-01',
      to: '2026-12',
      by: 'month',
    })
    const byMonth = new Map(direct.rows.map((r) => [r.key, r.count]))
    const values = view.series.points.filter((p) => p.value !== null)
    expect(values.length).toBe(direct.coverage.monthsLoaded.length)
    for (const p of values) expect([p.period, p.value]).toEqual([p.period, byMonth.get(p.period) ?? 0])
    expect(values.every((p) => p.computed)).toBe(true)
    // And one month against the published file itself.
    expect(values.find((p) => p.period === '2016-01')?.value).toBe(fromFile(['2016-01'], 'ROBBERY'))
  })

  it('gives the all-crime rate per 1,000 by financial year, its count equal to the file’s, against London', async () => {
    const view = await t.deps.services.indicators.get('crime-rate')
    const year = view.series.points.find((p) => p.period === '2015-16')
    expect(year?.numerator).toBe(fromFile(fy(2015)))
    const rate = await t.deps.services.crime.analysis.rate({
      source: 'recorded',
      area: SOUTHWARK,
      from: '2015-04',
      to: '2016-03',
    })
    expect(year?.value).toBe(rate.ratePer1000)
    expect(year?.denominator).toBe(rate.population)
    expect(view.series.comparatorNames).toEqual(['London'])
    expect(year?.comparators.London).toBeGreaterThan(0)
    // A year only part-loaded has no figure rather than a low one: the extract starts in April 2010.
    expect(view.series.points.find((p) => p.period === '2009-10')).toBeUndefined()
  })

  it('recounts after the crime store is loaded again, keyed by its load version', async () => {
    const before = (await t.deps.services.indicators.find('burglary')).computedVersion
    await t.deps.services.crime.ingest(TEST_ACTOR, [BOROUGH_FILE])
    const view = await t.deps.services.indicators.get('burglary')
    expect(view.indicator.computedVersion).not.toBe(before)
    const fresh = await t.deps.services.indicators.find('burglary')
    expect(fresh.computedVersion).toBe(`ingest-${(await t.deps.services.crime.listIngests(1))[0]?.id}`)
    expect(view.series.points.find((p) => p.period === '2019-07')?.value).toBe(
      fromFile(['2019-07'], 'BURGLARY'),
    )
  })
})
