// The file formats Safer reads, recognised from their header row. Each known column has an
// internal name and a DuckDB type, so DuckDB's reader is always given an explicit column list:
// its sniffer costs ~10 ms a file and guesses differently from file to file.

export type CrimeKind =
  | 'street'
  | 'outcomes'
  | 'stop-search'
  | 'recorded-borough'
  | 'recorded-ward'
  | 'recorded-lsoa'
export type AreaKind =
  | 'lookup-lsoa21'
  | 'lookup-lsoa11'
  | 'population-lsoa21'
  | 'population-lsoa11-ages'
  | 'imd'
  | 'imd-population'
  | 'boundaries'

export interface Column {
  header: string
  name: string
  type: string
}

const text = (header: string, name: string): Column => ({ header, name, type: 'VARCHAR' })
const col = (header: string, name: string, type: string): Column => ({ header, name, type })

export interface FixedFormat {
  kind: CrimeKind
  label: string
  columns: Column[]
}

// Street crime and outcomes files open with the same nine columns, describing the crime and its place.
const CRIME_RECORD_COLUMNS: Column[] = [
  text('Crime ID', 'crime_id'),
  col('Month', 'month', 'DATE'),
  text('Reported by', 'reported_by'),
  text('Falls within', 'falls_within'),
  col('Longitude', 'longitude', 'DOUBLE'),
  col('Latitude', 'latitude', 'DOUBLE'),
  text('Location', 'location'),
  text('LSOA code', 'lsoa_code'),
  text('LSOA name', 'lsoa_name'),
]

export const POLICE_UK_FORMATS: FixedFormat[] = [
  {
    kind: 'street',
    label: 'data.police.uk street crime',
    columns: [
      ...CRIME_RECORD_COLUMNS,
      text('Crime type', 'crime_type'),
      text('Last outcome category', 'last_outcome'),
      text('Context', 'context'),
    ],
  },
  {
    kind: 'outcomes',
    label: 'data.police.uk outcomes',
    columns: [...CRIME_RECORD_COLUMNS, text('Outcome type', 'outcome_type')],
  },
  {
    kind: 'stop-search',
    label: 'data.police.uk stop and search',
    columns: [
      text('Type', 'type'),
      col('Date', 'searched_at', 'TIMESTAMPTZ'),
      col('Part of a policing operation', 'part_of_operation', 'BOOLEAN'),
      text('Policing operation', 'operation'),
      col('Latitude', 'latitude', 'DOUBLE'),
      col('Longitude', 'longitude', 'DOUBLE'),
      text('Gender', 'gender'),
      text('Age range', 'age_range'),
      text('Self-defined ethnicity', 'self_defined_ethnicity'),
      text('Officer-defined ethnicity', 'officer_defined_ethnicity'),
      text('Legislation', 'legislation'),
      text('Object of search', 'object_of_search'),
      text('Outcome', 'outcome'),
      col('Outcome linked to object of search', 'outcome_linked', 'BOOLEAN'),
      col('Removal of more than just outer clothing', 'removal_of_clothing', 'BOOLEAN'),
    ],
  },
]

/** Met recorded-crime wide files: fixed leading columns, then one YYYYMM column per month. */
export interface WideFormat {
  kind: CrimeKind
  label: string
  columns: Column[]
}

export const RECORDED_FORMATS: WideFormat[] = [
  {
    kind: 'recorded-borough',
    label: 'Met recorded crime by borough',
    columns: [
      text('majortext', 'major_category'),
      text('minortext', 'minor_category'),
      text('boroughname', 'area_name'),
    ],
  },
  {
    kind: 'recorded-ward',
    label: 'Met recorded crime by ward',
    columns: [
      text('wardname', 'area_name'),
      text('wardcode', 'area_code'),
      text('majortext', 'major_category'),
      text('minortext', 'minor_category'),
      text('lookup_boroughname', 'borough_name'),
    ],
  },
  {
    kind: 'recorded-lsoa',
    label: 'Met recorded crime by LSOA',
    columns: [
      text('lsoa_code', 'area_code'),
      text('lsoa_name', 'area_name'),
      text('borough', 'lad_code'),
      text('major_category', 'major_category'),
      text('minor_category', 'minor_category'),
    ],
  },
]

export const MONTH_COLUMN = /^(\d{4})(0[1-9]|1[0-2])$/

/** Headers compared without case, surrounding spaces or a BOM. */
export const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
