import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { REPOSITORY_CRIME_DATA as DATA } from '../helpers/crime-data.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// Each street crime's LSOA, ward and local authority are resolved once, at ingest, and kept equal
// to the lookup join whenever the areas are imported again.

const WARD_LOOKUP = DATA.lookups.find((f) => basename(f).includes('ward')) as string
const LSOA11_LOOKUP = DATA.lookups.find((f) => !basename(f).includes('ward')) as string
const MOVED_LSOA = 'E01004029' // Southwark 001A

describe.each(DIALECTS)('street crimes’ areas resolved at ingest on %s', (dialect) => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  const store = () => openAnalyticsStore(deps.services.crime.storePath)
  /** Rows whose stored areas differ from what joining lsoa_map gives, and rows with any area at all. */
  const compare = async () => {
    const [row] = await store().all<{ differ: number; resolved: number; rows: number }>(
      `SELECT count(*) FILTER (WHERE s.lsoa21_code IS DISTINCT FROM m.lsoa21_code OR s.ward_code IS DISTINCT FROM m.ward_code
                                 OR s.lad_code IS DISTINCT FROM m.lad_code) AS differ,
              count(s.lad_code) AS resolved, count(*) AS rows
       FROM street_crimes s LEFT JOIN lsoa_map m ON m.code = s.lsoa_code`,
    )
    return row
  }
  const byWard = async () =>
    deps.services.crime.analysis.counts({
      source: 'police-uk',
      area: 'E09000028',
      from: '2023-03',
      to: '2024-06',
      by: 'ward',
    })

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-street-areas-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
  })
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('equals the lookup join for crimes loaded before the areas, and after', async () => {
    const early = await deps.services.crime.ingest(TEST_ACTOR, [DATA.metBurglary])
    expect(early.failed).toEqual([])
    expect(await compare()).toMatchObject({ differ: 0, resolved: 0 })

    const areas = await deps.services.crime.importAreas(TEST_ACTOR, DATA.lookups)
    expect(areas.failed).toEqual([])
    const afterImport = await compare()
    expect(afterImport?.differ).toBe(0)
    expect(afterImport?.resolved).toBeGreaterThan(0)

    const late = await deps.services.crime.ingest(TEST_ACTOR, [DATA.cityOfLondon])
    expect(late.failed).toEqual([])
    const afterLate = await compare()
    expect(afterLate?.differ).toBe(0)
    expect(afterLate?.resolved).toBeGreaterThan(afterImport?.resolved ?? 0)
  })

  it('follows a changed lookup: an LSOA moved to another ward is counted in that ward', async () => {
    const before = await byWard()
    const [moved] = await store().all<{ n: number }>(
      `SELECT count(*) AS n FROM street_crimes WHERE lsoa_code = '${MOVED_LSOA}' AND month BETWEEN DATE '2023-03-01' AND DATE '2024-06-01'`,
    )
    expect(moved?.n).toBeGreaterThan(0)
    const lines = readFileSync(WARD_LOOKUP, 'utf8').split('\n')
    const changed = lines.map((line) =>
      line.startsWith(`${MOVED_LSOA},`)
        ? line.replace(/^([^,]*,[^,]*),[^,]*,[^,]*,/, '$1,E05999999,Test Ward,')
        : line,
    )
    const path = join(dir, basename(WARD_LOOKUP))
    writeFileSync(path, changed.join('\n'))
    const areas = await deps.services.crime.importAreas(TEST_ACTOR, [LSOA11_LOOKUP, path])
    expect(areas.failed).toEqual([])
    expect((await compare())?.differ).toBe(0)

    const after = await byWard()
    expect(after.total).toBe(before.total)
    expect(after.rows.find((r) => r.key === 'E05999999')).toMatchObject({
      label: 'Test Ward',
      count: moved?.n,
    })
    expect(after.rows.reduce((s, r) => s + r.count, 0)).toBe(before.total)
  })
})
