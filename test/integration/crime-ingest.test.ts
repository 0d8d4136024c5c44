import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import type { IngestReport } from '../../src/modules/crime/ingest/ingest.service.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { readCsv, readCsvObjects, SHARED_DATA } from '../helpers/csv.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

const POLICE_UK = join(SHARED_DATA, 'police-uk')
const RECORDED = join(SHARED_DATA, 'mps-recorded-crime')

function csvFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.csv'))
    .map((e) => join(e.parentPath, e.name))
}

const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'

describe.each(DIALECTS)('crime ingest on %s', (dialect) => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  let report: IngestReport

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-crime-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
    report = await deps.services.crime.ingest(TEST_ACTOR, [POLICE_UK, RECORDED])
  }, 120_000)
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('loads every police.uk and recorded-crime file in the shared data, with each file’s row count', () => {
    expect(report.failed).toEqual([])
    const files = [...csvFiles(POLICE_UK), ...csvFiles(RECORDED)]
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
    const street = csvFiles(POLICE_UK).filter((f) => f.includes('street') && !f.includes('republished'))
    const direct = street.flatMap((f) => readCsvObjects(f))
    const store = await deps.services.crime.coverage()
    const stored = store.filter((c) => c.source === 'street').reduce((s, c) => s + c.rows, 0)
    expect(stored).toBe(direct.length)
    const btp = report.files.filter((f) => f.file.includes('btp'))
    const btpRows = csvFiles(join(POLICE_UK, 'btp')).flatMap((f) => readCsvObjects(f))
    expect(btp.reduce((s, f) => s + f.noLocation, 0)).toBe(
      btpRows.filter((r) => r['LSOA code'] === '').length,
    )
    // BTP publishes no Crime IDs: none of its rows can repeat one.
    expect(btp.every((f) => f.duplicates === 0)).toBe(true)
    const city = readCsvObjects(join(POLICE_UK, 'city-of-london/2024-03-city-of-london-street.csv'))
    const ids = city.map((r) => r['Crime ID']).filter(Boolean)
    expect(report.files.find((f) => f.file === '2024-03-city-of-london-street.csv')?.duplicates).toBe(
      ids.length - new Set(ids).size,
    )
  })

  it('drops exact duplicate outcome rows and reports how many', () => {
    const path = join(POLICE_UK, 'met-burglary/2024-06-metropolitan-outcomes-burglary.csv')
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
    const files = csvFiles(join(POLICE_UK, 'met-stop-and-search'))
    expect(coverage?.rows).toBe(files.reduce((s, f) => s + readCsv(f).rows.length, 0))
  })

  it('replaces an older copy of a month with the newer one, reporting the outcomes that changed', () => {
    // The republished folder holds an earlier release of 2024-01: it is loaded first, then replaced.
    const older = readCsvObjects(
      join(POLICE_UK, 'city-of-london/republished-2024-06/2024-01-city-of-london-street.csv'),
    )
    const newer = readCsvObjects(join(POLICE_UK, 'city-of-london/2024-01-city-of-london-street.csv'))
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
      join(RECORDED, 'mps_recorded_crime_borough_historical_2010-04_to_2024-02.csv'),
    )
    const southwark = borough.filter((r) => r.boroughname === 'Southwark')
    const months = Object.keys(southwark[0] ?? {}).filter((k) => /^2023(0[3-9]|1[0-2])$|^20240[12]$/.test(k))
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

describe('bad crime files', () => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  const write = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const streetCount = async () =>
    (await deps.services.crime.coverage())
      .filter((c) => c.source === 'street')
      .reduce((s, c) => s + c.rows, 0)

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    dir = mkdtempSync(join(tmpdir(), 'safer-bad-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }))
  })
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads a BOM, CRLF line ends and quoted commas as normal input', async () => {
    const path = write(
      '2024-01-test-street.csv',
      `\uFEFF${STREET_HEADER}\r\nA1,2024-01,Test Police,Test Police,-0.1,51.5,"On or near High Street, Camberwell",E01003911,Southwark 020A,Burglary,"Under investigation",\r\n,2024-01,Test Police,Test Police,,,No location,,,Anti-social behaviour,,\r\n`,
    )
    const r = await deps.services.crime.ingest(TEST_ACTOR, [path])
    expect(r.failed).toEqual([])
    expect(r.files[0]).toMatchObject({
      file: '2024-01-test-street.csv',
      kind: 'street',
      rows: 2,
      rejected: 0,
      noLocation: 1,
      months: ['2024-01'],
    })
    const byLocation = await deps.services.crime.analysis.counts({
      area: 'Test Police',
      areaType: 'force',
      from: '2024-01',
      to: '2024-01',
      by: 'location',
    })
    expect(byLocation.rows.map((row) => row.key)).toContain('On or near High Street, Camberwell')
  })

  it('names the file and the columns when columns are wrong or missing, and loads nothing', async () => {
    const before = await streetCount()
    const path = write(
      'wrong-columns.csv',
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,Crime kind,Last outcome category\nx,2024-01,a,b,,,c,,Burglary,\n',
    )
    const r = await deps.services.crime.ingest(TEST_ACTOR, [path])
    expect(r.files).toEqual([])
    expect(r.failed[0]?.error).toBe(
      'wrong-columns.csv: looks like data.police.uk street crime but its columns are wrong; missing: "LSOA name", "Crime type", "Context"; not expected: "Crime kind"',
    )
    const unknown = write('notes.csv', 'name,colour\nfred,red\n')
    const u = await deps.services.crime.ingest(TEST_ACTOR, [unknown])
    expect(u.failed[0]?.error).toMatch(/^notes\.csv: is not a file Safer recognises/)
    expect(await streetCount()).toBe(before)
  })

  it('rejects a file with malformed lines, naming each line, and writes nothing of it', async () => {
    const before = await streetCount()
    const path = write(
      '2024-02-bad-street.csv',
      [
        STREET_HEADER,
        'B1,2024-02,Test Police,Test Police,-0.1,51.5,On or near A,E01003911,Southwark 020A,Burglary,,',
        'B2,2024-02,Test Police,Test Police,west,51.5,On or near B,E01003911,Southwark 020A,Robbery,,',
        'B3,2024-13,Test Police,Test Police,-0.1,51.5,On or near C,E01003911,Southwark 020A,Robbery,,',
        'B4,2024-02,Test Police,Test Police,-0.1,51.5,On or near D',
        'B5,,Test Police,Test Police,-0.1,51.5,On or near E,E01003911,Southwark 020A,Drugs,,',
        'B6,2024-02,Test Police,Test Police,-0.1,51.5,On or near F,E01003911,Southwark 020A,Drugs,,',
      ].join('\n'),
    )
    const r = await deps.services.crime.ingest(TEST_ACTOR, [path])
    expect(r.files).toEqual([])
    expect(r.failed[0]?.error).toMatch(
      /^2024-02-bad-street\.csv: 4 lines could not be read, so nothing from this file was loaded/,
    )
    expect(r.failed[0]?.badLines).toEqual([
      { line: 3, problems: ['"Longitude": "west" is not valid'] },
      { line: 4, problems: ['"Month": "2024-13" is not valid'] },
      { line: 5, problems: ['wrong number of fields (expected 12, found 7)'] },
      { line: 6, problems: ['"Month" is blank, but a value is required'] },
    ])
    expect(await streetCount()).toBe(before)

    // With --skip-bad-rows the good lines load and the bad ones are listed.
    const skipped = await deps.services.crime.ingest(TEST_ACTOR, [path], { skipBadRows: true })
    expect(skipped.failed).toEqual([])
    expect(skipped.files[0]).toMatchObject({ rows: 2, rejected: 4 })
    expect(skipped.files[0]?.badLines.map((b) => b.line)).toEqual([3, 4, 5, 6])
    expect(await streetCount()).toBe(before + 2)
  })

  it('says so when a path does not exist', async () => {
    await expect(deps.services.crime.ingest(TEST_ACTOR, [join(dir, 'nowhere')])).rejects.toThrow(
      'nowhere: no such file or folder',
    )
  })
})
