// Builds demo-data/: a small Southwark extract of the real public data in ../shared/data, in the
// files' own formats, so `npm start` shows real Southwark analyses on a fresh clone.
//
//   npx tsx scripts/make-demo-extract.ts [SHARED_DATA_FOLDER]
//
// Street crime and outcomes: rows in Southwark's LSOAs. Stop and search: searches whose location
// falls inside Southwark's LSOA boundaries. Recorded crime: the Met's Southwark ward and LSOA files,
// and the borough file whole (for London comparisons). Areas: London lookups and population (only
// the columns Safer reads), Southwark's IMD 2019 rows and its LSOA and ward boundaries.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { areaIndex, bboxOf, type Geometry, polygonsOf } from '../src/modules/crime/areas/geo.ts'
import { splitCsvLine } from '../src/modules/crime/ingest/detect.ts'

const ROOT = resolve(import.meta.dirname, '..')
const SOURCE = resolve(process.argv[2] ?? join(ROOT, '../shared/data'))
const OUT = join(ROOT, 'demo-data')
const LAD = 'E09000028'
const LAD_NAME = 'Southwark'

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
const line = (fields: string[]) => fields.map(quote).join(',')

function readLines(path: string): { header: string[]; rows: string[][] } {
  const [head = '', ...rest] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
  return { header: splitCsvLine(head), rows: rest.filter((l) => l !== '').map(splitCsvLine) }
}

function write(path: string, header: string[], rows: string[][]) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${[header, ...rows].map(line).join('\n')}\n`)
  console.log(`${relative(ROOT, path)}: ${rows.length} rows`)
}

/** Keeps the named columns only (Safer reads columns by name, so the format is still recognised). */
function keepColumns(header: string[], rows: string[][], keep: (h: string) => boolean) {
  const indexes = header.flatMap((h, i) => (keep(h) ? [i] : []))
  return {
    header: indexes.map((i) => header[i] ?? ''),
    rows: rows.map((r) => indexes.map((i) => r[i] ?? '')),
  }
}

function filterFile(from: string, to: string, keep: (row: Record<string, string>) => boolean) {
  const { header, rows } = readLines(from)
  const kept = rows.filter((r) => keep(Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))))
  write(to, header, kept)
}

// Only this script's folders: demo-data/ also holds other modules' demo files (plans/).
for (const folder of ['police-uk', 'mps-recorded-crime', 'areas'])
  rmSync(join(OUT, folder), { recursive: true, force: true })

// Southwark's LSOAs, from the ONS lookup.
const lookup = readLines(join(SOURCE, 'lookups/ons_lsoa21_to_ward24_to_lad24_bestfit_EW.csv'))
const lsoaColumn = lookup.header.indexOf('LSOA21CD')
const ladColumn = lookup.header.indexOf('LAD24CD')
const southwark = new Set(lookup.rows.filter((r) => r[ladColumn] === LAD).map((r) => r[lsoaColumn]))
const inSouthwark = (r: Record<string, string>) =>
  southwark.has(r['LSOA code'] ?? '') || (r['LSOA name'] ?? '').startsWith(`${LAD_NAME} `)

// Street crime and outcomes.
for (const folder of ['met-burglary', 'btp']) {
  for (const file of readdirSync(join(SOURCE, 'police-uk', folder))
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    filterFile(join(SOURCE, 'police-uk', folder, file), join(OUT, 'police-uk', folder, file), inSouthwark)
  }
}

// Stop and search, placed by its coordinates.
const shapes = JSON.parse(
  readFileSync(join(SOURCE, 'boundaries/southwark_lsoa21_gen20.geojson'), 'utf8'),
) as {
  features: Array<{ properties: { LSOA21CD: string }; geometry: Geometry }>
}
const index = areaIndex(
  shapes.features.map((f) => {
    const polygons = polygonsOf(f.geometry)
    return { code: f.properties.LSOA21CD, polygons, bbox: bboxOf(polygons) }
  }),
)
const searchFolder = join(SOURCE, 'police-uk/met-stop-and-search')
for (const file of readdirSync(searchFolder)
  .filter((f) => f.endsWith('.csv'))
  .sort()) {
  filterFile(join(searchFolder, file), join(OUT, 'police-uk/met-stop-and-search', file), (r) => {
    const lat = Number(r.Latitude)
    const lon = Number(r.Longitude)
    return r.Latitude !== '' && index.locate(lon, lat) !== null
  })
}

// Recorded crime: the Southwark files as published, and the borough file for London comparisons.
mkdirSync(join(OUT, 'mps-recorded-crime'), { recursive: true })
for (const file of readdirSync(join(SOURCE, 'mps-recorded-crime')).filter((f) => f.endsWith('.csv'))) {
  copyFileSync(join(SOURCE, 'mps-recorded-crime', file), join(OUT, 'mps-recorded-crime', file))
  console.log(`demo-data/mps-recorded-crime/${file}: copied`)
}

// Areas: London's lookups and population (the columns Safer reads), Southwark's IMD and shapes.
const london = (code: string | undefined) => (code ?? '').startsWith('E09')
{
  const l21 = keepColumns(
    lookup.header,
    lookup.rows.filter((r) => london(r[ladColumn])),
    (h) => /^(LSOA21CD|LSOA21NM|WD24CD|WD24NM|LAD24CD|LAD24NM)$/.test(h),
  )
  write(join(OUT, 'areas/ons_lsoa21_to_ward24_to_lad24_bestfit_london.csv'), l21.header, l21.rows)
  const raw = readLines(join(SOURCE, 'lookups/ons_lsoa11_to_lsoa21_to_lad22_exactfit_EW.csv'))
  const lad = raw.header.indexOf('LAD22CD')
  const l11 = keepColumns(
    raw.header,
    raw.rows.filter((r) => london(r[lad])),
    (h) => /^(LSOA11CD|LSOA11NM|LSOA21CD|LSOA21NM|CHGIND|LAD22CD|LAD22NM)$/.test(h),
  )
  write(join(OUT, 'areas/ons_lsoa11_to_lsoa21_to_lad22_exactfit_london.csv'), l11.header, l11.rows)
  const pop = readLines(
    join(SOURCE, 'population/ons_lsoa21_population_density_mid2011_to_mid2022_london.csv'),
  )
  const p = keepColumns(pop.header, pop.rows, (h) =>
    /^(LSOA 2021 Code|LSOA 2021 Name|Mid-20(19|20|21|22): Population)$/.test(h),
  )
  write(join(OUT, 'areas/ons_lsoa21_population_mid2019_to_mid2022_london.csv'), p.header, p.rows)
  const imd = readLines(join(SOURCE, 'imd/iod2019_london_lsoa11_gla.csv'))
  const imdLad = imd.header.indexOf('Local Authority District code (2019)')
  write(
    join(OUT, 'areas/iod2019_southwark_lsoa11.csv'),
    imd.header,
    imd.rows.filter((r) => r[imdLad] === LAD),
  )
}
for (const file of ['southwark_lsoa21_gen20.geojson', 'southwark_wards_wd24_bgc.geojson']) {
  copyFileSync(join(SOURCE, 'boundaries', file), join(OUT, 'areas', file))
  console.log(`demo-data/areas/${file}: copied`)
}

writeFileSync(join(OUT, 'README.md'), readFileSync(join(ROOT, 'scripts/demo-data-readme.md'), 'utf8'))
console.log('demo-data/README.md: written')
