import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CrimeDataSet } from '../helpers/crime-data.ts'

// The full published data and seed documents, which the repository does not carry. CI has them in
// ../shared beside the clone; SAFER_SHARED_DIR points elsewhere.

const ROOT = resolve(import.meta.dirname, '../..')

export const SHARED_DIR = resolve(ROOT, process.env.SAFER_SHARED_DIR ?? '../shared')
export const SHARED_DATA = resolve(SHARED_DIR, 'data')
export const SHARED_SEEDS = resolve(SHARED_DIR, 'seeds')

/** Why the full-data checks cannot run here, or null when the folders are in place. */
export function missingSharedData(): string | null {
  const missing = [SHARED_DATA, SHARED_SEEDS].filter((dir) => !existsSync(dir))
  if (missing.length === 0) return null
  return [
    `npm run test:data needs the full data folder, and ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not there.`,
    'Set SAFER_SHARED_DIR to the folder holding data/ and seeds/ (default: ../shared beside the repository).',
    'npm test needs none of it.',
  ].join('\n')
}

const police = (path: string) => resolve(SHARED_DATA, 'police-uk', path)

/** Every police.uk, Met and ONS file the crime checks read, whole. */
export const SHARED_CRIME_DATA: CrimeDataSet = {
  btp: police('btp'),
  cityOfLondon: police('city-of-london'),
  metBurglary: police('met-burglary'),
  metOutcomes: police('met-burglary/2024-06-metropolitan-outcomes-burglary.csv'),
  metStopAndSearch: police('met-stop-and-search'),
  stopSearchBeyondSouthwark: true,
  recorded: resolve(SHARED_DATA, 'mps-recorded-crime'),
  lookups: [resolve(SHARED_DATA, 'lookups')],
  population: resolve(SHARED_DATA, 'population/ons_lsoa21_population_density_mid2011_to_mid2022_london.csv'),
  imd: resolve(SHARED_DATA, 'imd'),
  southwarkLsoaBoundaries: resolve(SHARED_DATA, 'boundaries/southwark_lsoa21_gen20.geojson'),
  southwarkWardBoundaries: resolve(SHARED_DATA, 'boundaries/southwark_wards_wd24_bgc.geojson'),
}
