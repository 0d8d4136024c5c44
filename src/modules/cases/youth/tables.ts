import type { Generated } from 'kysely'

// The youth and knife crime panels' tables, and the panel settings of part 2 (migration 0032).

export interface CaseYouthAsbSettingsTable {
  id: Generated<number>
  panel_id: number
  transition_lead_months: number | null
  /** JSON of an AsbThresholdRule; null for the default. */
  asb_threshold: string | null
  /** JSON of AsbClockDays; null for the default. */
  asb_clock_days: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface CaseRiskReviewTable {
  id: Generated<number>
  referral_id: number
  reviewed_on: string
  risk_level: string
  risk_to: string
  risk_factors_sealed: string
  protective_factors_sealed: string
  reviewed_by_user_id: number | null
  created_at: string
}

export interface CaseRiskOptionTable {
  id: Generated<number>
  review_id: number
  kind: string
  option_sealed: string
  intervention_service_id: number | null
  position: number
}

export interface CaseTransitionTable {
  id: Generated<number>
  referral_id: number
  subject_id: number
  to_panel_id: number | null
  to_service_sealed: string | null
  transferred_on: string
  note_sealed: string | null
  recorded_by_user_id: number | null
  created_at: string
}

declare module '../../../db/types.ts' {
  interface Database {
    case_youth_asb_settings: CaseYouthAsbSettingsTable
    case_risk_reviews: CaseRiskReviewTable
    case_risk_options: CaseRiskOptionTable
    case_transitions: CaseTransitionTable
  }
}
