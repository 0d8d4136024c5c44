import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { REPOSITORY_CRIME_DATA } from '../helpers/crime-data.ts'
import { describeCrimeIngest } from '../helpers/crime-ingest-checks.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts'

// The Southwark demo extract and the City of London fixtures; the full files: test/data/crime-ingest.test.ts.
describeCrimeIngest(REPOSITORY_CRIME_DATA)

const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'

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
