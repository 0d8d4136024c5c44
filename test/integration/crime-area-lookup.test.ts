import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { ValidationError } from '../../src/shared/errors.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { REPOSITORY_CRIME_DATA } from '../helpers/crime-data.ts'
import { readCsvObjects } from '../helpers/csv.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// The first question of every analysis: which area was meant. An ONS code is looked for among the
// codes only; a name among the names, without case; and one statement also says whether the ONS
// lookups are imported.

const WARDS = REPOSITORY_CRIME_DATA.lookups.find((f) => f.includes('ward')) as string

/** The first Southwark row of the ONS ward lookup: an LSOA, its ward and the council. */
function southwarkRow() {
  const row = readCsvObjects(WARDS).find((r) => r.LAD24CD === 'E09000028')
  if (!row) throw new Error(`No Southwark row in ${WARDS}`)
  return row as Record<'LSOA21CD' | 'LSOA21NM' | 'WD24CD' | 'WD24NM', string>
}

async function validationMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  return (error as ValidationError).fieldErrors.area ?? ''
}

describe.each(DIALECTS)('finding the area of an analysis on %s', (dialect) => {
  let database: TestDatabase
  let deps: Deps
  let dir: string
  const analysis = () => deps.services.crime.analysis

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-area-lookup-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dir }), { schema: database.schema })
  })
  afterAll(async () => {
    deps?.services.crime.close()
    await deps?.database.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('knows a London borough by its code before any lookup is imported, and says the lookups are missing', async () => {
    expect(await analysis().resolveArea('E09000028', undefined)).toEqual({
      type: 'lad',
      code: 'E09000028',
      name: 'Southwark',
    })
    const message = await validationMessage(
      analysis().resolve({ source: 'police-uk', area: 'E09000028', from: '2024-01', to: '2024-12' }),
    )
    expect(message).toMatch(/lookups are not imported/)
    // Recorded crime names boroughs itself: a borough needs no lookup there.
    const recorded = await analysis().resolve({
      source: 'recorded',
      area: 'e09000028',
      from: '2024-01',
      to: '2024-12',
    })
    expect(recorded.area.code).toBe('E09000028')
  })

  it('finds councils, wards and LSOAs by code in any case, and by name, once the lookups are in', async () => {
    const imported = await deps.services.crime.importAreas(TEST_ACTOR, REPOSITORY_CRIME_DATA.lookups)
    expect(imported.failed).toEqual([])
    const row = southwarkRow()
    const southwark = { type: 'lad', code: 'E09000028', name: 'Southwark' }
    for (const text of ['E09000028', 'e09000028', '  E09000028 ', 'Southwark', 'SOUTHWARK'])
      expect(await analysis().resolveArea(text, undefined)).toEqual(southwark)
    expect(await analysis().resolveArea(row.WD24CD.toLowerCase(), undefined)).toEqual({
      type: 'ward',
      code: row.WD24CD,
      name: row.WD24NM,
    })
    expect(await analysis().resolveArea(row.LSOA21CD, 'lsoa')).toEqual({
      type: 'lsoa',
      code: row.LSOA21CD,
      name: row.LSOA21NM,
    })
    expect(await analysis().resolveArea(row.LSOA21NM, undefined)).toEqual({
      type: 'lsoa',
      code: row.LSOA21CD,
      name: row.LSOA21NM,
    })
    // A code of one kind is not found when another kind is asked for.
    expect(await validationMessage(analysis().resolveArea('E09000028', 'ward'))).toMatch(
      /No ward called "E09000028"/,
    )
    const q = await analysis().resolve({
      source: 'police-uk',
      area: 'E09000028',
      from: '2024-01',
      to: '2024-12',
    })
    expect(q.area).toEqual(southwark)
  })

  it('names a code it does not know, and the ways to give an area', async () => {
    expect(await validationMessage(analysis().resolveArea('E09999999', undefined))).toMatch(
      /No area called "E09999999"\. Use an ONS code/,
    )
  })
})
