import type { Generated } from 'kysely'

// The performance module's tables (migrations 0014_performance, 0015_indicator_comparator_series), merged into the shared Database type.

export interface IndicatorTable {
  id: Generated<number>
  key: string
  name: string
  definition: string
  unit: string
  rate_per: number | null
  polarity: string
  frequency: string
  owner_organisation_id: number | null
  /** JSON array of priority ids */
  priority_ids: string
  /** JSON array of plan action ids */
  action_ids: string
  baseline: number | null
  baseline_period: string | null
  tolerance: number
  source: string
  /** JSON ComputedSpec, for computed indicators */
  computed_spec: string | null
  computed_version: string | null
  /** The name of a typed-in indicator's comparator series; null for "Comparator" */
  comparator_series: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface IndicatorTargetTable {
  id: Generated<number>
  indicator_id: number
  period: string
  target: number
}

export interface IndicatorValueTable {
  id: Generated<number>
  indicator_id: number
  period: string
  value: number
  numerator: number | null
  denominator: number | null
  note: string
  /** 1 when counted from the crime store, 0 when entered or uploaded */
  computed: number
  entered_by: string
  entered_by_user_id: number | null
  entered_at: string
}

export interface IndicatorCorrectionTable {
  id: Generated<number>
  indicator_id: number
  period: string
  old_value: number
  old_numerator: number | null
  old_denominator: number | null
  old_note: string
  old_entered_by: string
  old_entered_at: string
  new_value: number
  reason: string
  corrected_by: string
  corrected_at: string
}

export interface IndicatorComparatorTable {
  id: Generated<number>
  indicator_id: number
  series: string
  period: string
  value: number
}

declare module '../../db/types.ts' {
  interface Database {
    indicators: IndicatorTable
    indicator_targets: IndicatorTargetTable
    indicator_values: IndicatorValueTable
    indicator_corrections: IndicatorCorrectionTable
    indicator_comparators: IndicatorComparatorTable
  }
}
