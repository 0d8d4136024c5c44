import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from './app.ts'
import type { CrimeDataSet } from './crime-data.ts'
import { readCsvObjects } from './csv.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.ts'

// The analyses of Southwark, over the repository's files (npm test) or the full published files
// (npm run test:data): the figures are the same, since the demo extract keeps Southwark's rows whole.

/** The analyses agree with direct counts of the data set's files. */
export function describeCrimeAnalyses(data: CrimeDataSet) {
  /** Southwark's street crimes counted straight from the CSVs: LSOA names start with the borough's. */
  function directSouthwark(): Array<Record<string, string>> {
    return readdirSync(data.metBurglary)
      .filter((f) => f.includes('street'))
      .flatMap((f) => readCsvObjects(join(data.metBurglary, f)))
      .filter((r) => r['LSOA name']?.startsWith('Southwark '))
  }

  describe.each(DIALECTS)('crime analyses for Southwark on %s', (dialect) => {
    let database: TestDatabase
    let deps: Deps
    let dir: string
    const crime = () => deps.services.crime

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      dir = mkdtempSync(join(tmpdir(), 'safer-analyses-'))
      deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
      const areas = await crime().importAreas(TEST_ACTOR, [
        ...data.lookups,
        data.population,
        data.imd,
        data.southwarkLsoaBoundaries,
        data.southwarkWardBoundaries,
      ])
      expect(areas.failed).toEqual([])
      const loaded = await crime().ingest(TEST_ACTOR, [
        data.metBurglary,
        data.metStopAndSearch,
        data.recorded,
      ])
      expect(loaded.failed).toEqual([])
    }, 120_000)
    afterAll(async () => {
      crime()?.close()
      await deps?.database.close()
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    it('counts by month and by LSOA agree with a direct count of the CSVs', async () => {
      const direct = directSouthwark()
      const byMonth = await crime().analysis.counts({
        source: 'police-uk',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-06',
        by: 'month',
      })
      expect(byMonth.total).toBe(direct.length)
      const months = new Map<string, number>()
      for (const r of direct) months.set(r.Month ?? '', (months.get(r.Month ?? '') ?? 0) + 1)
      expect(Object.fromEntries(byMonth.rows.map((r) => [r.key, r.count]))).toEqual(
        Object.fromEntries(months),
      )

      const byLsoa = await crime().analysis.counts({
        source: 'police-uk',
        area: 'E09000028',
        from: '2024-01',
        to: '2024-06',
        by: 'lsoa',
        crimeType: 'burglary',
      })
      const lsoas = new Map<string, number>()
      for (const r of direct.filter((r) => (r.Month ?? '') >= '2024-01'))
        lsoas.set(r['LSOA code'] ?? '', (lsoas.get(r['LSOA code'] ?? '') ?? 0) + 1)
      expect(Object.fromEntries(byLsoa.rows.map((r) => [r.key, r.count]))).toEqual(Object.fromEntries(lsoas))
      expect(byLsoa.rows[0]?.label).toMatch(/^Southwark \d{3}[A-Z]$/)
    })

    it('finds a ward by name and counts its crimes from its LSOAs', async () => {
      const ward = await crime().analysis.counts({
        source: 'police-uk',
        area: 'Peckham',
        areaType: 'ward',
        from: '2023-03',
        to: '2024-06',
      })
      expect(ward.query.area).toEqual({ type: 'ward', code: 'E05011110', name: 'Peckham' })
      const byWard = await crime().analysis.counts({
        source: 'police-uk',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-06',
        by: 'ward',
      })
      expect(byWard.rows.find((r) => r.key === 'E05011110')?.count).toBe(ward.total)
      expect(byWard.rows.reduce((s, r) => s + r.count, 0)).toBe(byWard.total)
    })

    it('explains an unknown or ambiguous area and an unknown crime type', async () => {
      await expect(crime().analysis.counts({ source: 'police-uk', area: 'Atlantis' })).rejects.toThrow(
        'No area called "Atlantis"',
      )
      await expect(
        crime().analysis.counts({ source: 'police-uk', area: 'Southwark', crimeType: 'Piracy' }),
      ).rejects.toThrow('No police.uk crime type "Piracy"')
      // "Abbey" is a ward in several boroughs.
      await expect(crime().analysis.counts({ source: 'police-uk', area: 'Abbey' })).rejects.toThrow(
        /could mean more than one area/,
      )
    })

    it('gives the rate per 1,000 residents with the ONS population of the latest year to hand', async () => {
      const rate = await crime().analysis.rate({
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
        source: 'recorded',
      })
      const population = readCsvObjects(data.population)
        .filter((r) => r['LSOA 2021 Name']?.startsWith('Southwark '))
        .reduce((s, r) => s + Number(r['Mid-2022: Population']), 0)
      expect(rate.population).toBe(population)
      expect(rate.populationYear).toBe(2022)
      expect(rate.ratePer1000).toBeCloseTo((rate.count / population) * 1000, 2)
      const older = await crime().analysis.rate({
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
        source: 'recorded',
        populationYear: 2019,
      })
      expect(older.populationYear).toBe(2019)
      expect(older.population).not.toBe(population)
      await expect(
        crime().analysis.rate({
          source: 'police-uk',
          area: 'Metropolitan Police Service',
          areaType: 'force',
        }),
      ).rejects.toThrow(/police force has no population/)
    })

    it('uses borough and ward figures where the Met published them and LSOA figures after', async () => {
      const q = await crime().analysis.resolve({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-09',
        to: '2024-08',
      })
      expect(await crime().analysis.recordedLevels(q)).toEqual([
        { level: 1, from: '2023-09', to: '2024-02' },
        { level: 3, from: '2024-03', to: '2024-08' },
      ])
      const byWard = await crime().analysis.counts({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-09',
        to: '2024-08',
        by: 'ward',
      })
      expect(byWard.rows).toHaveLength(23)
    })

    it('compares with the previous period and a year earlier, with a significance test', async () => {
      const q = await crime().analysis.resolve({
        source: 'police-uk',
        area: 'Southwark',
        from: '2024-03',
        to: '2024-06',
      })
      const change = await crime().analysis.change(q)
      const direct = directSouthwark()
      const between = (a: string, b: string) =>
        direct.filter((r) => (r.Month ?? '') >= a && (r.Month ?? '') <= b).length
      expect(change.previous).toMatchObject({
        from: '2023-11',
        to: '2024-02',
        current: between('2024-03', '2024-06'),
        comparison: between('2023-11', '2024-02'),
      })
      expect(change.lastYear).toMatchObject({
        from: '2023-03',
        to: '2023-06',
        comparison: between('2023-03', '2023-06'),
      })
      expect(change.lastYear.pValue).toBeGreaterThanOrEqual(0)
      expect(change.lastYear.significant).toBe(change.lastYear.pValue < 0.05)
    })

    it('finds hotspots and how concentrated crime is', async () => {
      const q = await crime().analysis.resolve({
        source: 'police-uk',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-06',
      })
      const h = await crime().insights.hotspots(q)
      expect(h.lsoas).toHaveLength(173)
      expect(h.wards).toHaveLength(23)
      expect(h.lsoas.reduce((s, l) => s + l.count, 0)).toBe(directSouthwark().length)
      expect(h.concentration.top5.areas).toBe(9)
      expect(h.concentration.top10.share).toBeGreaterThan(h.concentration.top5.share)
      const locations = new Map<string, number>()
      for (const r of directSouthwark())
        locations.set(r.Location ?? '', (locations.get(r.Location ?? '') ?? 0) + 1)
      const top = [...locations].sort((a, b) => b[1] - a[1])[0]
      expect(h.locations[0]?.count).toBe(top?.[1])
    })

    it('breaks stop and search down, with the arrest rate and section 60 searches', async () => {
      const area = await crime().analysis.resolveArea('Metropolitan Police Service', 'force')
      const s = await crime().insights.stopSearch(area, '2024-03', '2024-06')
      const rows = readdirSync(data.metStopAndSearch).flatMap((f) =>
        readCsvObjects(join(data.metStopAndSearch, f)),
      )
      expect(s.summary.total).toBe(rows.length)
      expect(s.summary.arrests).toBe(rows.filter((r) => r.Outcome === 'Arrest').length)
      expect(s.summary.section60).toBe(rows.filter((r) => /section 60\)/.test(r.Legislation ?? '')).length)
      expect(s.summary.arrestRate).toBeCloseTo((s.summary.arrests / s.summary.total) * 100, 1)
      expect(s.breakdowns.object?.rows[0]).toMatchObject({ key: 'Controlled drugs' })
      // Placed in Southwark's LSOAs from their coordinates.
      const southwark = await crime().insights.stopSearch(
        await crime().analysis.resolveArea('Southwark', 'lad'),
        '2024-03',
        '2024-06',
      )
      expect(southwark.summary.total).toBeGreaterThan(500)
      // The demo extract keeps only the searches inside Southwark; the full files have the whole Met's.
      if (data.stopSearchBeyondSouthwark) expect(southwark.summary.total).toBeLessThan(s.summary.total)
      else expect(southwark.summary.total).toBe(s.summary.total)
    })

    it('gives the crime rate by IMD decile and the outcome mix', async () => {
      const q = await crime().analysis.resolve({
        source: 'police-uk',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-06',
      })
      const d = await crime().insights.deprivation(q)
      expect(d.rows.reduce((s, r) => s + r.lsoas, 0) + d.unmatchedLsoas).toBe(173)
      expect(d.rows.reduce((s, r) => s + r.count, 0)).toBeLessThanOrEqual(directSouthwark().length)
      expect(d.rows.every((r) => r.decile >= 1 && r.decile <= 10)).toBe(true)
      const o = await crime().insights.outcomes(q)
      expect(o.total).toBe(directSouthwark().length)
      expect(o.rows[0]?.outcome).toBe('Investigation complete; no suspect identified')
    })

    it('uses the saved local definition of serious violence', async () => {
      const defaults = await crime().definitions.get()
      expect(defaults.saved).toBe(false)
      const recorded = await crime().analysis.counts({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
        crimeType: 'serious-violence',
      })
      expect(recorded.query.categoryLabel).toBe('Serious violence')
      const saved = await crime().definitions.save(TEST_ACTOR, 'serious-violence', {
        name: 'Serious violence (local)',
        policeUkTypes: ['Robbery'],
        recordedCategories: ['robbery'],
        version: 0,
      })
      expect(saved).toMatchObject({ saved: true, version: 1, recordedCategories: ['ROBBERY'] })
      const robbery = await crime().analysis.counts({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
        crimeType: 'ROBBERY',
      })
      const local = await crime().analysis.counts({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
        crimeType: 'serious violence',
      })
      expect(local.total).toBe(robbery.total)
      expect(local.total).toBeLessThan(recorded.total)
      // A save from a stale page is refused.
      await expect(
        crime().definitions.save(TEST_ACTOR, 'serious-violence', { name: 'x', version: 0 }),
      ).rejects.toThrow(/Someone else changed/)
    })
  })
}
