import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPOSITORY_CRIME_DATA } from '../helpers/crime-data.ts'
import { readCsv } from '../helpers/csv.ts'
import { FIXTURES } from '../helpers/fixtures.ts'
import { SEED_003_PATH } from '../helpers/seeds.ts'
import { SHARED_CRIME_DATA, SHARED_DATA, SHARED_SEEDS } from './shared-folder.ts'

// npm test stands in the repository's files for the full ones: these check that they still are
// what test/fixtures/README.md and demo-data/README.md say they are.

const files = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))

describe('the repository’s stand-ins for the full data', () => {
  it('holds seed 003 unchanged', () => {
    expect(
      readFileSync(SEED_003_PATH).equals(readFileSync(join(SHARED_SEEDS, '003_3d6690dd06ae50f3.txt'))),
    ).toBe(true)
  })

  it('holds the City of London street crime files whole and unchanged', () => {
    const copies = files(join(FIXTURES, 'police-uk'))
    expect(copies.length).toBeGreaterThan(0)
    for (const copy of copies) {
      const source = join(SHARED_DATA, relative(FIXTURES, copy))
      expect(readFileSync(copy).equals(readFileSync(source)), copy).toBe(true)
    }
  })

  it('holds the first lines of the ONS population by age, unchanged', () => {
    const extracts = files(join(FIXTURES, 'population'))
    expect(extracts.length).toBeGreaterThan(0)
    for (const extract of extracts) {
      const text = readFileSync(extract, 'utf8')
      const source = readFileSync(join(SHARED_DATA, relative(FIXTURES, extract)), 'utf8')
      expect(source.startsWith(text), extract).toBe(true)
      expect(text.length).toBeLessThan(source.length)
    }
  })

  it('keeps every Southwark street burglary of the full files in the demo extract', () => {
    const southwark = (path: string) => {
      const { header, rows } = readCsv(path)
      const name = header.indexOf('LSOA name')
      return rows.filter((r) => r[name]?.startsWith('Southwark ')).map((r) => r.join('\u0001'))
    }
    const demo = readdirSync(REPOSITORY_CRIME_DATA.metBurglary).filter((f) => f.includes('-street'))
    expect(demo).toHaveLength(16)
    for (const file of demo) {
      const full = southwark(resolve(SHARED_CRIME_DATA.metBurglary, file))
      expect(full.length).toBeGreaterThan(0)
      expect(southwark(resolve(REPOSITORY_CRIME_DATA.metBurglary, file)), file).toEqual(full)
    }
  })
})
