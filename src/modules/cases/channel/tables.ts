import type { Generated } from 'kysely'

// Channel's and MASE's tables (migration 0033_cases_channel_mase), merged into the shared Database
// type. Columns ending _sealed hold ciphertext; _index columns keyed hashes.

export interface CaseVafAssessmentTable {
  id: Generated<number>
  referral_id: number
  assessed_on: string
  assessed_by_user_id: number | null
  ratings_sealed: string
  created_at: string
}

export interface CaseChannelConsentTable {
  id: Generated<number>
  referral_id: number
  decision: string
  given_by: string
  decided_on: string
  obtained_by_sealed: string
  note_sealed: string | null
  recorded_by_user_id: number | null
  created_at: string
}

export interface CaseChannelSupportTable {
  id: Generated<number>
  referral_id: number
  support_type: string
  provider_sealed: string
  starts_on: string
  ends_on: string | null
  created_at: string
}

export interface CaseMaseLocationTable {
  id: Generated<number>
  referral_id: number
  location_type: string
  place_sealed: string
  place_index: string
  created_at: string
}

export interface CaseMaseDisruptionTable {
  id: Generated<number>
  referral_id: number
  disruption_type: string
  owner_organisation_id: number
  due_on: string
  status: string
  detail_sealed: string
  result_sealed: string | null
  created_at: string
  updated_at: string
  version: number
}

declare module '../../../db/types.ts' {
  interface Database {
    case_vaf_assessments: CaseVafAssessmentTable
    case_channel_consents: CaseChannelConsentTable
    case_channel_support: CaseChannelSupportTable
    case_mase_locations: CaseMaseLocationTable
    case_mase_disruptions: CaseMaseDisruptionTable
  }
}
