import { resolve } from 'node:path'
import { FIXTURES } from './fixtures.ts'

/**
 * The crime and area inputs one run of the crime checks reads. `npm test` uses the files committed
 * with the repository; `npm run test:data` the full published files (test/data/shared-folder.ts).
 */
export interface CrimeDataSet {
  /** British Transport Police street crime. */
  btp: string
  /** City of London Police street crime, with an earlier release of a month under `republished-2024-06/`. */
  cityOfLondon: string
  /** Met street burglary 2023-03 to 2024-06 (at least Southwark's rows) and the 2024-06 outcomes. */
  metBurglary: string
  /** A Met outcomes file with exact duplicate rows (the full file has some; Southwark's extract none). */
  metOutcomes: string
  /** Met stop and search 2024-03 to 2024-06. */
  metStopAndSearch: string
  /** Whether the stop and search goes beyond Southwark (the demo extract keeps Southwark's only). */
  stopSearchBeyondSouthwark: boolean
  /** The Met's recorded crime: the borough file whole, Southwark's ward and LSOA files. */
  recorded: string
  /** ONS lookups: LSOA 2011 → 2021 → local authority, LSOA 2021 → ward → local authority. */
  lookups: string[]
  /** ONS mid-year population by LSOA 2021, with mid-2019 to mid-2022 among its columns. */
  population: string
  /** English Indices of Deprivation 2019, at least Southwark's LSOAs. */
  imd: string
  southwarkLsoaBoundaries: string
  southwarkWardBoundaries: string
}

const ROOT = resolve(import.meta.dirname, '../..')
const DEMO = resolve(ROOT, 'demo-data')

/** The inputs in the repository: the Southwark demo extract and the test fixtures. */
export const REPOSITORY_CRIME_DATA: CrimeDataSet = {
  btp: resolve(DEMO, 'police-uk/btp'),
  cityOfLondon: resolve(FIXTURES, 'police-uk/city-of-london'),
  metBurglary: resolve(DEMO, 'police-uk/met-burglary'),
  metOutcomes: resolve(FIXTURES, 'crime/2024-06-metropolitan-outcomes-burglary.csv'),
  metStopAndSearch: resolve(DEMO, 'police-uk/met-stop-and-search'),
  stopSearchBeyondSouthwark: false,
  recorded: resolve(DEMO, 'mps-recorded-crime'),
  lookups: [
    resolve(DEMO, 'areas/ons_lsoa11_to_lsoa21_to_lad22_exactfit_london.csv'),
    resolve(DEMO, 'areas/ons_lsoa21_to_ward24_to_lad24_bestfit_london.csv'),
  ],
  population: resolve(DEMO, 'areas/ons_lsoa21_population_mid2019_to_mid2022_london.csv'),
  imd: resolve(DEMO, 'areas/iod2019_southwark_lsoa11.csv'),
  southwarkLsoaBoundaries: resolve(DEMO, 'areas/southwark_lsoa21_gen20.geojson'),
  southwarkWardBoundaries: resolve(DEMO, 'areas/southwark_wards_wd24_bgc.geojson'),
}
