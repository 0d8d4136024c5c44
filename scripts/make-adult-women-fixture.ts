// Builds test/fixtures/adult-women/ons_sape_lsoa11_southwark_mid2020.csv: the header and Southwark's
// 166 LSOAs of the ONS small area population estimates, lines copied unchanged, so the adult women
// reader is tested on a whole borough (`npm test` never reads ../shared).
//
//   npx tsx scripts/make-adult-women-fixture.ts [SHARED_FOLDER]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const SHARED = resolve(process.argv[2] ?? join(ROOT, '../shared'))
const SOURCE = join(SHARED, 'data/population/ons_sape_lsoa11_london_mid2020.csv')
const OUT = join(ROOT, 'test/fixtures/adult-women/ons_sape_lsoa11_southwark_mid2020.csv')
const SOUTHWARK = 'E09000028'

const [header, ...lines] = readFileSync(SOURCE, 'utf8').split(/(?<=\n)/)
const ladColumn = (header ?? '').split(',').indexOf('LAD11CD')
if (ladColumn < 0) throw new Error(`${SOURCE} has no LAD11CD column`)
const southwark = lines.filter((line) => line.split(',')[ladColumn] === SOUTHWARK)
mkdirSync(join(ROOT, 'test/fixtures/adult-women'), { recursive: true })
writeFileSync(OUT, [header, ...southwark].join(''))
console.log(`${relative(ROOT, OUT)}: ${southwark.length} LSOAs`)
