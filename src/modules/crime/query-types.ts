// The shapes every analysis takes: an area (ONS code or police force), a period and categories.

import type { Source } from './sources.ts'

export { SOURCE_LABELS, SOURCES, type Source } from './sources.ts'

export const AREA_TYPES = ['force', 'lad', 'ward', 'lsoa'] as const
export type AreaType = (typeof AREA_TYPES)[number]

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  force: 'Police force',
  lad: 'Local authority',
  ward: 'Ward',
  lsoa: 'LSOA',
}

export interface Area {
  type: AreaType
  /** ONS code; for a force, its name as police.uk writes it. */
  code: string
  name: string
}

export interface CrimeQuery {
  source: Source
  area: Area
  /** YYYY-MM, inclusive */
  from: string
  to: string
  /** null for every category; otherwise police.uk crime types, or Home Office "MAJOR" or "MAJOR / MINOR". */
  categories: string[] | null
}

export const COUNT_DIMENSIONS = ['crime_type', 'month', 'ward', 'lsoa', 'location', 'outcome'] as const
export type CountDimension = (typeof COUNT_DIMENSIONS)[number]

export interface CountRow {
  key: string | null
  label: string
  count: number
}
