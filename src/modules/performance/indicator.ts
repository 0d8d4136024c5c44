import type { Selectable } from 'kysely'
import type { Frequency } from './rules/periods.ts'
import type { Polarity } from './rules/rules.ts'
import type { IndicatorCorrectionTable, IndicatorTable, IndicatorValueTable } from './tables.ts'

// An indicator as services hand it out: camelCase, JSON columns read, the crime query of a
// computed one spelled out.

export const UNITS = ['count', 'rate', 'percent', 'number', 'money', 'yes-no'] as const
export type Unit = (typeof UNITS)[number]

export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  rate: 'Rate per residents',
  percent: 'Percentage',
  number: 'Number',
  money: 'Money (£)',
  'yes-no': 'Yes or no',
}

export const SOURCES = ['manual', 'upload', 'computed'] as const
export type DataSource = (typeof SOURCES)[number]

export const SOURCE_LABELS: Record<DataSource, string> = {
  manual: 'Entered by hand',
  upload: 'Uploaded from a spreadsheet',
  computed: 'Computed from Safer’s crime data',
}

/** An IOM cohort's outcome measure, counted by the risk panels' cohort report (ADR 0037). */
export interface CohortSpec {
  /** The IOM panel's id or exact name. */
  panel: string
  cohort: 'all' | 'fixed' | 'flex' | 'free'
  measure: 'ete' | 'treatment' | 'notReoffending6m' | 'provenReoffending12m'
}

/** What a computed indicator counts in the crime store, and the areas it is compared with. */
export interface ComputedSpec {
  source: 'recorded' | 'police-uk'
  /** A local authority, ward or LSOA by name or ONS code, as the crime pages take it. */
  area: string
  /** A crime type or Home Office category, or serious-violence for the saved definition; null for all crime. */
  crimeType: string | null
  measure: 'count' | 'rate'
  /** Areas whose same figure is kept as comparator series ("London" for the London average). */
  comparatorAreas: string[]
  /** Counted from an IOM cohort instead of the crime store: a percentage, suppressed as it leaves the panel. */
  cohort?: CohortSpec
}

export interface Indicator {
  id: number
  key: string
  name: string
  definition: string
  unit: Unit
  /** For a rate: per how many residents (1,000 by default). */
  ratePer: number | null
  polarity: Polarity
  frequency: Frequency
  ownerOrganisationId: number | null
  priorityIds: number[]
  actionIds: number[]
  baseline: number | null
  baselinePeriod: string | null
  /** Amber tolerance, a percentage of the target. */
  tolerance: number
  source: DataSource
  /** What the comparator column of entered and uploaded values is called ("London average"). */
  comparatorSeries: string
  computed: ComputedSpec | null
  computedVersion: string | null
  updatedAt: string
  version: number
}

export interface IndicatorValue {
  period: string
  value: number
  numerator: number | null
  denominator: number | null
  note: string
  /** Counted from the crime store rather than entered. */
  computed: boolean
  enteredBy: string
  enteredAt: string
}

export interface Correction {
  period: string
  oldValue: number
  oldNumerator: number | null
  oldDenominator: number | null
  oldNote: string
  oldEnteredBy: string
  oldEnteredAt: string
  newValue: number
  reason: string
  correctedBy: string
  correctedAt: string
}

export interface ComparatorPoint {
  series: string
  period: string
  value: number
}

/** The comparator series of a typed-in indicator that was given no name. */
export const DEFAULT_COMPARATOR = 'Comparator'

const ids = (json: string): number[] =>
  (JSON.parse(json) as unknown[]).filter((v): v is number => typeof v === 'number')

export function toIndicator(row: Selectable<IndicatorTable>): Indicator {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    definition: row.definition,
    unit: row.unit as Unit,
    ratePer: row.rate_per,
    polarity: row.polarity as Polarity,
    frequency: row.frequency as Frequency,
    ownerOrganisationId: row.owner_organisation_id,
    priorityIds: ids(row.priority_ids),
    actionIds: ids(row.action_ids),
    baseline: row.baseline,
    baselinePeriod: row.baseline_period,
    tolerance: row.tolerance,
    source: row.source as DataSource,
    comparatorSeries: row.comparator_series ?? DEFAULT_COMPARATOR,
    computed: row.computed_spec ? (JSON.parse(row.computed_spec) as ComputedSpec) : null,
    computedVersion: row.computed_version,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

export function toValue(row: Selectable<IndicatorValueTable>): IndicatorValue {
  return {
    period: row.period,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    note: row.note,
    computed: row.computed === 1,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
  }
}

export function toCorrection(row: Selectable<IndicatorCorrectionTable>): Correction {
  return {
    period: row.period,
    oldValue: row.old_value,
    oldNumerator: row.old_numerator,
    oldDenominator: row.old_denominator,
    oldNote: row.old_note,
    oldEnteredBy: row.old_entered_by,
    oldEnteredAt: row.old_entered_at,
    newValue: row.new_value,
    reason: row.reason,
    correctedBy: row.corrected_by,
    correctedAt: row.corrected_at,
  }
}

/** "102 per 1,000", "89%", "£1,200", "Yes": a value as a person reads it (exact figures stay in the API). */
export function formatValue(indicator: Pick<Indicator, 'unit' | 'ratePer'>, value: number | null): string {
  if (value === null) return 'No figure'
  const n = value.toLocaleString('en-GB', { maximumFractionDigits: 1 })
  switch (indicator.unit) {
    case 'percent':
      return `${n}%`
    case 'rate':
      return `${n} per ${(indicator.ratePer ?? 1000).toLocaleString('en-GB')}`
    case 'money':
      return `£${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`
    case 'yes-no':
      return value === 1 ? 'Yes' : 'No'
    default:
      return n
  }
}
