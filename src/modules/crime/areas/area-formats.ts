import { basename } from 'node:path'
import { CrimeFileError } from '../ingest/file-errors.ts'
import type { AreaKind, Column } from '../ingest/formats.ts'

// ONS and GLA area files: lookups, population, deprivation. Their column names carry years
// (WD24CD, LAD22NM, "Mid-2019: Population"), so columns are matched by pattern, and every other
// column is read as text and ignored.

interface Wanted {
  match: RegExp
  name: string
  type: string
  /** Several columns may match (one per year); each is read with its own name. */
  many?: boolean
}

interface AreaFormat {
  kind: AreaKind
  label: string
  wanted: Wanted[]
}

const want = (match: RegExp, name: string, type = 'VARCHAR', many = false): Wanted => ({
  match,
  name,
  type,
  many,
})
const DECILE = 'Decile \\(where 1 is most deprived 10% of LSOAs\\)'

export const AREA_FORMATS: AreaFormat[] = [
  {
    kind: 'lookup-lsoa11',
    label: 'ONS 2011 LSOA to 2021 LSOA lookup',
    wanted: [
      want(/^LSOA11CD$/i, 'lsoa11_code'),
      want(/^LSOA11NM$/i, 'lsoa11_name'),
      want(/^LSOA21CD$/i, 'lsoa21_code'),
      want(/^LSOA21NM$/i, 'lsoa21_name'),
      want(/^CHGIND$/i, 'change'),
      want(/^LAD\d{2}CD$/i, 'lad_code'),
      want(/^LAD\d{2}NM$/i, 'lad_name'),
    ],
  },
  {
    kind: 'lookup-lsoa21',
    label: 'ONS 2021 LSOA to ward to local authority lookup',
    wanted: [
      want(/^LSOA21CD$/i, 'lsoa21_code'),
      want(/^LSOA21NM$/i, 'lsoa21_name'),
      want(/^WD\d{2}CD$/i, 'ward_code'),
      want(/^WD\d{2}NM$/i, 'ward_name'),
      want(/^LAD\d{2}CD$/i, 'lad_code'),
      want(/^LAD\d{2}NM$/i, 'lad_name'),
    ],
  },
  {
    kind: 'population-lsoa21',
    label: 'ONS population by 2021 LSOA',
    wanted: [
      want(/^LSOA 2021 Code$/i, 'lsoa21_code'),
      want(/^Mid-(\d{4}): Population$/i, 'population', 'INTEGER', true),
    ],
  },
  {
    kind: 'population-lsoa11-ages',
    label: 'ONS small-area population estimates by 2011 LSOA',
    wanted: [
      want(/^LSOA11CD$/i, 'lsoa11_code'),
      want(/^Persons_All-Ages$/i, 'persons', 'INTEGER'),
      want(/^Persons_0-15$/i, 'aged_0_15', 'INTEGER'),
      want(/^Persons_16-29$/i, 'aged_16_29', 'INTEGER'),
      want(/^Persons_30-44$/i, 'aged_30_44', 'INTEGER'),
      want(/^Persons_45-64$/i, 'aged_45_64', 'INTEGER'),
      want(/^Persons_65\+$/i, 'aged_65_plus', 'INTEGER'),
    ],
  },
  {
    kind: 'imd',
    label: 'English Indices of Deprivation 2019',
    wanted: [
      want(/^LSOA code \(2011\)$/i, 'lsoa11_code'),
      want(/^Local Authority District code \(\d{4}\)$/i, 'lad_code'),
      want(/^Index of Multiple Deprivation \(IMD\) Score$/i, 'score', 'DOUBLE'),
      want(/^Index of Multiple Deprivation \(IMD\) Rank/i, 'rank', 'INTEGER'),
      want(new RegExp(`^Index of Multiple Deprivation \\(IMD\\) ${DECILE}$`, 'i'), 'decile', 'INTEGER'),
      want(new RegExp(`^Income ${DECILE}$`, 'i'), 'income_decile', 'INTEGER'),
      want(new RegExp(`^Employment ${DECILE}$`, 'i'), 'employment_decile', 'INTEGER'),
      want(new RegExp(`^Education, Skills and Training ${DECILE}$`, 'i'), 'education_decile', 'INTEGER'),
      want(new RegExp(`^Health Deprivation and Disability ${DECILE}$`, 'i'), 'health_decile', 'INTEGER'),
      want(new RegExp(`^Crime ${DECILE}$`, 'i'), 'crime_decile', 'INTEGER'),
      want(new RegExp(`^Barriers to Housing and Services ${DECILE}$`, 'i'), 'housing_decile', 'INTEGER'),
      want(new RegExp(`^Living Environment ${DECILE}$`, 'i'), 'environment_decile', 'INTEGER'),
    ],
  },
  {
    kind: 'imd-population',
    label: 'IMD 2019 population denominators',
    wanted: [
      want(/^LSOA code \(2011\)$/i, 'lsoa11_code'),
      want(/^Total population: mid \d{4}/i, 'total', 'INTEGER'),
      want(/^Dependent Children aged 0-15/i, 'aged_0_15', 'INTEGER'),
      want(/^Population aged 16-59/i, 'aged_16_59', 'INTEGER'),
      want(/^Older population aged 60 and over/i, 'aged_60_plus', 'INTEGER'),
    ],
  },
]

export interface DetectedAreaFile {
  kind: AreaKind
  label: string
  columns: Column[]
  /** population-lsoa21: the year of each population column */
  years: Array<{ column: string; year: number }>
}

/** Recognises an area CSV from its header; a near miss names the columns it lacks. */
export function detectAreaFormat(file: string, headers: string[]): DetectedAreaFile {
  let nearest: { label: string; missing: string[]; found: number } | null = null
  for (const format of AREA_FORMATS) {
    const columns: Column[] = headers.map((h, i) => ({ header: h, name: `c${i}`, type: 'VARCHAR' }))
    const missing: string[] = []
    const years: Array<{ column: string; year: number }> = []
    for (const w of format.wanted) {
      const indexes = headers.flatMap((h, i) => (w.match.test(h.trim()) ? [i] : []))
      if (indexes.length === 0) missing.push(w.match.source.replace(/^\^|\$$/g, '').replaceAll('\\', ''))
      for (const i of w.many ? indexes : indexes.slice(0, 1)) {
        const name = w.many ? `${w.name}_${i}` : w.name
        columns[i] = { header: headers[i] ?? '', name, type: w.type }
        const year = w.many ? Number((headers[i] ?? '').trim().match(w.match)?.[1]) : 0
        if (w.many) years.push({ column: name, year })
      }
    }
    if (missing.length === 0) return { kind: format.kind, label: format.label, columns, years }
    const found = format.wanted.length - missing.length
    if (!nearest || found > nearest.found) nearest = { label: format.label, missing, found }
  }
  if (nearest && nearest.found >= 2) {
    throw new CrimeFileError(
      file,
      `looks like ${nearest.label} but has no column ${nearest.missing.map((m) => `"${m}"`).join(', ')}`,
    )
  }
  throw new CrimeFileError(
    file,
    'is not an area file Safer recognises (an ONS lookup, population estimate, IMD 2019 file, or a GeoJSON boundary file)',
  )
}

/** The year of a small-area population estimate, from its file name ("…_mid2019.csv"). */
export function yearFromFileName(file: string): number | null {
  const match = basename(file).match(/mid-?(\d{4})/i)
  return match?.[1] ? Number(match[1]) : null
}
