import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import type { IngestReport } from '../../src/modules/crime/ingest/ingest.service.ts'
import { TEST_ACTOR, testConfig } from './app.ts'
import type { CrimeDataSet } from './crime-data.ts'
import { readCsv, readCsvObjects } from './csv.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from './databases.ts'

// The ingest checks, over the repository's files (npm test) or the full published files (npm run test:data).

function csvFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.csv'))
    .map((e) => join(e.parentPath, e.name))
}

/** Every police.uk and recorded-crime file of the data set ingests, and what it loaded agrees with the files. */
export function describeCrimeIngest(data: CrimeDataSet) {
  // Street burglary from its folder and the outcomes on their own: the repository's outcomes with
  // duplicate rows are a fixture, not the demo extract's (which has none).
  const policeUkFiles = () => [
    ...csvFiles(data.btp),
    ...csvFiles(data.cityOfLondon),
    ...csvFiles(data.metBurglary).filter((f) => basename(f).includes('-street')),
    data.metOutcomes,
    ...csvFiles(data.metStopAndSearch),
  ]

  describe.each(DIALECTS)('crime ingest on %s', (dialect) => {
    let database: TestDatabase
    let deps: Deps
    let dir: string
    let report: IngestReport

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      dir = mkdtempSync(join(tmpdir(), 'safer-crime-'))
      deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
      report = await deps.services.crime.ingest(TEST_ACTOR, [...policeUkFiles(), data.recorded])
    }, 120_000)
    afterAll(async () => {
      deps?.services.crime.close()
      await deps?.database.close()
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    it('loads every police.uk and recorded-crime file it is given, with each file’s row count', () => {
      expect(report.failed).toEqual([])
      const files = [...policeUkFiles(), ...csvFiles(data.recorded)]
      expect(report.files).toHaveLength(files.length)
      // Every file by its own name and kind, with exactly the rows a direct count of it finds.
      for (const path of files) {
        const loaded = report.files.filter((f) => f.file === basename(path))
        const direct = readCsv(path).rows.length
        expect(loaded.map((f) => f.rows)).toContain(direct)
      }
      expect(report.rows).toBe(files.reduce((s, f) => s + readCsv(f).rows.length, 0))
      expect(report.rejected).toBe(0)
    })

    it('keeps every street crime (blank and repeated Crime IDs too) and counts rows without a location', async () => {
      const street = policeUkFiles().filter(
        (f) => basename(f).includes('street') && !f.includes('republished'),
      )
      const direct = street.flatMap((f) => readCsvObjects(f))
      const store = await deps.services.crime.coverage()
      const stored = store.filter((c) => c.source === 'street').reduce((s, c) => s + c.rows, 0)
      expect(stored).toBe(direct.length)
      const btp = report.files.filter((f) => f.file.includes('btp'))
      const btpRows = csvFiles(data.btp).flatMap((f) => readCsvObjects(f))
      expect(btp.reduce((s, f) => s + f.noLocation, 0)).toBe(
        btpRows.filter((r) => r['LSOA code'] === '').length,
      )
      // Rows without a location, in every street file loaded (the City of London's have some).
      const noLocation = policeUkFiles()
        .filter((f) => basename(f).includes('street'))
        .flatMap((f) => readCsvObjects(f))
        .filter((r) => r['LSOA code'] === '').length
      expect(report.files.filter((f) => f.kind === 'street').reduce((s, f) => s + f.noLocation, 0)).toBe(
        noLocation,
      )
      expect(noLocation).toBeGreaterThan(0)
      // BTP publishes no Crime IDs: none of its rows can repeat one.
      expect(btp.every((f) => f.duplicates === 0)).toBe(true)
      const city = readCsvObjects(join(data.cityOfLondon, '2024-03-city-of-london-street.csv'))
      const ids = city.map((r) => r['Crime ID']).filter(Boolean)
      expect(report.files.find((f) => f.file === '2024-03-city-of-london-street.csv')?.duplicates).toBe(
        ids.length - new Set(ids).size,
      )
    })

    it('drops exact duplicate outcome rows and reports how many', () => {
      const path = data.metOutcomes
      const { rows } = readCsv(path)
      const distinct = new Set(rows.map((r) => r.join('\u0001'))).size
      const file = report.files.find((f) => f.kind === 'outcomes')
      expect(file?.rows).toBe(rows.length)
      expect(file?.duplicates).toBe(rows.length - distinct)
      expect(file?.duplicates).toBeGreaterThan(0)
    })

    it('takes stop-and-search months and force from the police.uk file name', async () => {
      const coverage = (await deps.services.crime.coverage()).find((c) => c.source === 'stop-search')
      expect(coverage).toMatchObject({
        area: 'Metropolitan Police Service',
        from: '2024-03',
        to: '2024-06',
        months: 4,
      })
      const files = csvFiles(data.metStopAndSearch)
      expect(coverage?.rows).toBe(files.reduce((s, f) => s + readCsv(f).rows.length, 0))
    })

    it('replaces an older copy of a month with the newer one, reporting the outcomes that changed', () => {
      // The republished folder holds an earlier release of 2024-01: it is loaded first, then replaced.
      const older = readCsvObjects(
        join(data.cityOfLondon, 'republished-2024-06/2024-01-city-of-london-street.csv'),
      )
      const newer = readCsvObjects(join(data.cityOfLondon, '2024-01-city-of-london-street.csv'))
      const before = new Set(
        older.filter((r) => r['Crime ID']).map((r) => `${r['Crime ID']}|${r['Last outcome category']}`),
      )
      const pairs = new Set(
        newer.filter((r) => r['Crime ID']).map((r) => `${r['Crime ID']}|${r['Last outcome category']}`),
      )
      const olderIds = new Set(older.map((r) => r['Crime ID']))
      // Crime IDs can repeat: a crime counts once if the new copy gives it an outcome the old one did not.
      const changed = new Set(
        [...pairs].filter((p) => olderIds.has(p.split('|')[0]) && !before.has(p)).map((p) => p.split('|')[0]),
      ).size
      expect(changed).toBeGreaterThan(0)
      expect(report.replacedMonths).toEqual([
        {
          file: '2024-01-city-of-london-street.csv',
          kind: 'street',
          area: 'City of London Police',
          month: '2024-01',
          previousRows: older.length,
          rows: newer.length,
          changedOutcomes: changed,
          previousFiles: ['2024-01-city-of-london-street.csv'],
        },
      ])
    })

    it('normalises the wide recorded-crime files: totals agree with the files', async () => {
      const borough = readCsvObjects(
        join(data.recorded, 'mps_recorded_crime_borough_historical_2010-04_to_2024-02.csv'),
      )
      const southwark = borough.filter((r) => r.boroughname === 'Southwark')
      const months = Object.keys(southwark[0] ?? {}).filter((k) =>
        /^2023(0[3-9]|1[0-2])$|^20240[12]$/.test(k),
      )
      expect(months).toHaveLength(12)
      const direct = southwark.reduce((s, r) => s + months.reduce((t, m) => t + Number(r[m] || 0), 0), 0)
      const counted = await deps.services.crime.analysis.counts({
        source: 'recorded',
        area: 'Southwark',
        from: '2023-03',
        to: '2024-02',
      })
      expect(counted.total).toBe(direct)
    })

    it('records each file in the ingest history and the audit log', async () => {
      const history = await deps.services.crime.listIngests(500)
      expect(history.filter((h) => h.kind === 'street')).toHaveLength(
        report.files.filter((f) => f.kind === 'street').length,
      )
      const replacing = history.find(
        (h) => h.file_name === '2024-01-city-of-london-street.csv' && h.replaced !== '[]',
      )
      expect(JSON.parse(replacing?.replaced ?? '[]')[0]).toMatchObject({
        month: '2024-01',
        area: 'City of London Police',
      })
      expect(await deps.services.audit.verify()).toMatchObject({ ok: true })
      const audit = await deps.services.audit.search({ action: 'crime.ingest' }, 1, 500)
      expect(audit.total).toBe(report.files.length)
    })
  })
}
