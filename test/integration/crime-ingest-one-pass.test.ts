import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// An ingest's files load in one transaction: all of them, or (when any is refused) none.

const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
const OUTCOMES_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type'

const street = (id: string, month: string, outcome = '') =>
  `${id},${month},One Police,One Police,-0.1,51.5,On or near A,,,Burglary,${outcome},`

describe.each(DIALECTS)('a one-pass crime ingest on %s', (dialect) => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  const write = (name: string, header: string, lines: string[]) => {
    const path = join(dir, name)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, [header, ...lines].join('\n'))
    return path
  }
  const stored = async () =>
    (await deps.services.crime.coverage())
      .map((c) => `${c.source} ${c.area} ${c.from}..${c.to} ${c.rows}`)
      .sort()

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-one-pass-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
    const first = await deps.services.crime.ingest(TEST_ACTOR, [
      write('2023-12-one-street.csv', STREET_HEADER, [street('A0', '2023-12')]),
    ])
    expect(first.failed).toEqual([])
  })
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('leaves the store, the history and the audit log unchanged when one file has a bad line, naming its file and line', async () => {
    const before = await stored()
    const history = (await deps.services.crime.listIngests()).length
    const good = write('2024-01-one-street.csv', STREET_HEADER, [
      street('A1', '2024-01'),
      street('A2', '2024-01'),
    ])
    const outcomes = write('2024-01-one-outcomes.csv', OUTCOMES_HEADER, [
      'A1,2024-01,One Police,One Police,-0.1,51.5,On or near A,,,Under investigation',
    ])
    const bad = write('2024-02-one-street.csv', STREET_HEADER, [
      street('B1', '2024-02'),
      street('B2', '2024-2x'),
    ])
    const r = await deps.services.crime.ingest(TEST_ACTOR, [good, outcomes, bad])
    expect(r.files).toEqual([])
    expect(r.rows).toBe(0)
    expect(r.failed.map((f) => f.file)).toEqual([
      '2024-02-one-street.csv',
      '2024-01-one-outcomes.csv',
      '2024-01-one-street.csv',
    ])
    expect(r.failed[0]).toEqual({
      file: '2024-02-one-street.csv',
      error: expect.stringMatching(
        /^2024-02-one-street\.csv: 1 line could not be read, so nothing from this file/,
      ),
      badLines: [{ line: 3, problems: ['"Month": "2024-2x" is not valid'] }],
    })
    expect(r.failed[1]?.error).toBe(
      '2024-01-one-outcomes.csv: not loaded, because another file was refused (an ingest loads every file or none)',
    )
    expect(await stored()).toEqual(before)
    expect(await deps.services.crime.listIngests()).toHaveLength(history)

    // With --skip-bad-rows every file loads, the bad line left out and named.
    const skipped = await deps.services.crime.ingest(TEST_ACTOR, [good, outcomes, bad], { skipBadRows: true })
    expect(skipped.failed).toEqual([])
    expect(skipped.files.map((f) => [f.file, f.rows, f.badLines.map((b) => b.line)])).toEqual([
      ['2024-01-one-outcomes.csv', 1, []],
      ['2024-01-one-street.csv', 2, []],
      ['2024-02-one-street.csv', 1, [3]],
    ])
    expect(await deps.services.crime.listIngests()).toHaveLength(history + 3)
  })

  it('loads nothing when a file is not one Safer recognises, even with --skip-bad-rows', async () => {
    const before = await stored()
    const good = write('2024-03-one-street.csv', STREET_HEADER, [street('C1', '2024-03')])
    const notes = write('notes.csv', 'name,colour', ['fred,red'])
    const r = await deps.services.crime.ingest(TEST_ACTOR, [good, notes], { skipBadRows: true })
    expect(r.files).toEqual([])
    expect(r.failed[0]?.error).toMatch(/^notes\.csv: is not a file Safer recognises/)
    expect(r.failed[1]?.file).toBe('2024-03-one-street.csv')
    expect(await stored()).toEqual(before)
  })

  it('loads nothing when DuckDB cannot read a file, naming that file', async () => {
    const before = await stored()
    const good = write('2024-04-one-street.csv', STREET_HEADER, [street('D1', '2024-04')])
    const broken = join(dir, '2024-05-one-street.csv')
    // A header Safer recognises, then bytes that are not UTF-8.
    writeFileSync(
      broken,
      Buffer.concat([Buffer.from(`${STREET_HEADER}\n`), Buffer.from([0x44, 0x32, 0x2c, 0xff, 0xfe, 0x0a])]),
    )
    const r = await deps.services.crime.ingest(TEST_ACTOR, [good, broken])
    expect(r.files).toEqual([])
    expect(r.failed[0]?.file).toBe('2024-05-one-street.csv')
    expect(r.failed[1]?.error).toMatch(
      /^2024-04-one-street\.csv: not loaded, because another file was refused/,
    )
    expect(await stored()).toEqual(before)
  })

  it('replaces a month copy by copy, oldest release first, within one ingest and against what was loaded before', async () => {
    // 2023-12 was loaded before with one crime; two later releases of it arrive together.
    const r = await deps.services.crime.ingest(TEST_ACTOR, [
      write('2024-03/2023-12-one-street.csv', STREET_HEADER, [
        street('A0', '2023-12', 'Under investigation'),
        street('A9', '2023-12'),
      ]),
      write('2024-06/2023-12-one-street.csv', STREET_HEADER, [
        street('A0', '2023-12', 'Court result unavailable'),
        street('A9', '2023-12'),
        street('A8', '2023-12'),
      ]),
    ])
    expect(r.failed).toEqual([])
    expect(
      r.replacedMonths.map((m) => [m.month, m.previousRows, m.rows, m.changedOutcomes, m.previousFiles]),
    ).toEqual([
      ['2023-12', 1, 2, 1, ['2023-12-one-street.csv']],
      ['2023-12', 2, 3, 1, ['2023-12-one-street.csv']],
    ])
    const counted = await deps.services.crime.analysis.counts({
      source: 'police-uk',
      area: 'One Police',
      areaType: 'force',
      from: '2023-12',
      to: '2023-12',
    })
    expect(counted.total).toBe(3)
  })
})
