import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { readLoadVersion } from '../../src/modules/crime/store/load-version.repository.ts'
import { cachedReads } from '../../src/modules/crime/store/result-cache.ts'
import { type AnalyticsStore, openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// Crime reads are cached by the store's load version: a write anywhere makes the next read ask DuckDB again.

const STREET_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'

const row = (id: string, month: string, force: string, type: string) =>
  `${id},${month},${force},${force},-0.1,51.5,On or near A,,,${type},,`

describe.each(DIALECTS)('the crime result cache on %s', (dialect) => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  const write = (name: string, lines: string[]) => {
    const path = join(dir, name)
    writeFileSync(path, [STREET_HEADER, ...lines].join('\n'))
    return path
  }
  const count = async (force: string, crimeType?: string) =>
    (
      await deps.services.crime.analysis.counts({
        source: 'police-uk',
        area: force,
        areaType: 'force',
        from: '2024-01',
        to: '2024-12',
        crimeType,
      })
    ).total

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-cache-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
    const loaded = await deps.services.crime.ingest(TEST_ACTOR, [
      write('2024-01-north-street.csv', [
        row('N1', '2024-01', 'North Police', 'Burglary'),
        row('N2', '2024-01', 'North Police', 'Robbery'),
        row('N3', '2024-01', 'North Police', 'Robbery'),
      ]),
      write('2024-01-south-street.csv', [row('S1', '2024-01', 'South Police', 'Burglary')]),
    ])
    expect(loaded.failed).toEqual([])
  })
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps areas and filters apart, however often and in whatever order they are asked', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await count('North Police')).toBe(3)
      expect(await count('South Police')).toBe(1)
      expect(await count('North Police', 'Robbery')).toBe(2)
      expect(await count('North Police', 'Burglary')).toBe(1)
      expect(await count('South Police', 'Robbery')).toBe(0)
    }
  })

  it('gives the new figure after an ingest: query, ingest, query', async () => {
    expect(await count('North Police')).toBe(3)
    const before = await readLoadVersion(openAnalyticsStore(deps.services.crime.storePath))
    const loaded = await deps.services.crime.ingest(TEST_ACTOR, [
      write('2024-02-north-street.csv', [
        row('N4', '2024-02', 'North Police', 'Robbery'),
        row('N5', '2024-02', 'North Police', 'Robbery'),
      ]),
    ])
    expect(loaded.failed).toEqual([])
    expect(await readLoadVersion(openAnalyticsStore(deps.services.crime.storePath))).toBeGreaterThan(before)
    expect(await count('North Police')).toBe(5)
    expect(await count('North Police', 'Robbery')).toBe(4)
    expect(await count('South Police')).toBe(1)
  })

  it('does not raise the version, or change a figure, when an ingest is refused', async () => {
    const store = openAnalyticsStore(deps.services.crime.storePath)
    const before = await readLoadVersion(store)
    const refused = await deps.services.crime.ingest(TEST_ACTOR, [
      write('2024-03-north-street.csv', [row('N6', '2024-03', 'North Police', 'Robbery')]),
      write('2024-03-south-street.csv', [row('S2', '2024-13', 'South Police', 'Robbery')]),
    ])
    expect(refused.files).toEqual([])
    expect(await readLoadVersion(store)).toBe(before)
    expect(await count('North Police')).toBe(5)
  })

  it('sees a write made through another handle on the store, which shares no cache', async () => {
    expect(await count('South Police')).toBe(1)
    // Another Safer service on the same files (as another process would be): its own cache, same store.
    const other = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
    try {
      const loaded = await other.services.crime.ingest(TEST_ACTOR, [
        write('2024-04-south-street.csv', [row('S3', '2024-04', 'South Police', 'Drugs')]),
      ])
      expect(loaded.failed).toEqual([])
    } finally {
      await other.database.close()
    }
    expect(await count('South Police')).toBe(2)
  })
})

describe('the result cache itself', () => {
  let dir: string
  let store: AnalyticsStore
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-cache-bound-'))
    store = openAnalyticsStore(join(dir, 'analytics.duckdb'))
    await store.run('CREATE TABLE numbers AS SELECT range AS n FROM range(10)')
  })
  afterAll(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps at most its limit of results, dropping the least recently used, and hands out copies', async () => {
    // The real store, counting the queries that reach it (the load version's read aside).
    const asked: string[] = []
    const counting: AnalyticsStore = {
      ...store,
      all: (sql, params) => {
        if (!sql.includes('load_version')) asked.push(`${sql} ${JSON.stringify(params ?? [])}`)
        return store.all(sql, params)
      },
    }
    const reads = cachedReads(counting, { limit: 2 })
    const below = (n: number) =>
      reads.all<{ c: number }>('SELECT count(*) AS c FROM numbers WHERE n < $1', [n])
    expect(await below(3)).toEqual([{ c: 3 }])
    expect(await below(3)).toEqual([{ c: 3 }])
    expect(await below(5)).toEqual([{ c: 5 }])
    expect(asked).toHaveLength(2)
    expect(await below(3)).toEqual([{ c: 3 }]) // still held, and now the most recent
    expect(await below(7)).toEqual([{ c: 7 }]) // pushes out below(5)
    expect(asked).toHaveLength(3)
    expect(await below(5)).toEqual([{ c: 5 }])
    expect(asked).toHaveLength(4)
    const first = await below(5)
    first[0] = { c: 99 }
    expect(await below(5)).toEqual([{ c: 5 }])

    // A write raises the version: the next read asks the store again, and sees the new row.
    await store.transaction(async (tx) => {
      await tx.run('INSERT INTO numbers VALUES (1)')
      await tx.run('UPDATE load_version SET version = version + 1')
    })
    expect(await below(5)).toEqual([{ c: 6 }])
    expect(asked).toHaveLength(5)
  })
})
