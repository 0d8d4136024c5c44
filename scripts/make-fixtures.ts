// Builds test/fixtures/: small extracts of the real inputs the importers take, for the fuzz test
// and the spreadsheet guard's tests (`npm test` never reads ../shared).
//
//   npx tsx scripts/make-fixtures.ts [SHARED_FOLDER]
//
// Seed 003 (the partnership's own plan, exported from its spreadsheet as tab-separated text) as
// .tsv, and the same cells as .csv and .xlsx. Crime files: the first rows of one file of each
// police.uk kind and of the Met's recorded crime, lines copied unchanged, under their own names.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'

const ROOT = resolve(import.meta.dirname, '..')
const SHARED = resolve(process.argv[2] ?? join(ROOT, '../shared'))
const OUT = join(ROOT, 'test/fixtures')

const CRIME_EXTRACTS: Array<[source: string, lines: number]> = [
  ['police-uk/city-of-london/2024-01-city-of-london-street.csv', 120],
  ['police-uk/met-burglary/2024-06-metropolitan-outcomes-burglary.csv', 120],
  ['police-uk/met-stop-and-search/2024-03-metropolitan-stop-and-search.csv', 120],
  ['mps-recorded-crime/mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv', 60],
]

function write(path: string, content: Buffer | string) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  console.log(`${relative(ROOT, path)}: ${Buffer.byteLength(content)} bytes`)
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

async function plans() {
  const tsv = readFileSync(join(SHARED, 'seeds/003_3d6690dd06ae50f3.txt'))
  write(join(OUT, 'plans/seed-003.tsv'), tsv)
  const rows = parseCsv(tsv.toString('utf8'), {
    delimiter: '\t',
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][]
  write(join(OUT, 'plans/seed-003.csv'), `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`)
  // The cells as typed into a sheet, not Safer's own export layout: the real damage stays in.
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text !== '') sheet.getCell(r + 1, c + 1).value = text
    })
  })
  write(join(OUT, 'plans/seed-003.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()))
}

function crime() {
  for (const [source, count] of CRIME_EXTRACTS) {
    const text = readFileSync(join(SHARED, 'data', source), 'utf8')
    const lines = text.split(/(?<=\n)/).slice(0, count + 1)
    write(join(OUT, 'crime', source.split('/').at(-1) as string), lines.join(''))
  }
}

await plans()
crime()

// Whole files, unchanged and under their own paths, for tests that check a file's own figures
// against what Safer loads: three months of City of London street crime (rows without a location,
// repeated Crime IDs) and the earlier release of January that the newer copy replaces.
const WHOLE_FILES = [
  'police-uk/city-of-london/2024-01-city-of-london-street.csv',
  'police-uk/city-of-london/2024-02-city-of-london-street.csv',
  'police-uk/city-of-london/2024-03-city-of-london-street.csv',
  'police-uk/city-of-london/republished-2024-06/2024-01-city-of-london-street.csv',
]

// The first rows of the ONS small-area population estimates by age (demo-data/ has only the
// LSOA 2021 totals), under their own paths: the year is read from the file name.
const AREA_EXTRACTS: Array<[source: string, lines: number]> = [
  ['population/ons_sape_lsoa11_london_mid2019.csv', 60],
  ['population/ons_sape_lsoa11_london_mid2020.csv', 60],
]

function wholeFiles() {
  for (const source of WHOLE_FILES) write(join(OUT, source), readFileSync(join(SHARED, 'data', source)))
}

function areaExtracts() {
  for (const [source, count] of AREA_EXTRACTS) {
    const lines = readFileSync(join(SHARED, 'data', source), 'utf8').split(/(?<=\n)/)
    write(join(OUT, source), lines.slice(0, count + 1).join(''))
  }
}

wholeFiles()
areaExtracts()
