import type { Generated } from 'kysely'

// The ASB case review's tables (migration 0032). _sealed columns hold ciphertext; _index columns keyed hashes.

export interface CaseAsbApplicationTable {
  id: Generated<number>
  panel_id: number
  applicant_subject_id: number
  applicant_index: string
  on_behalf_sealed: string | null
  received_on: string
  location_sealed: string
  location_index: string
  acknowledged_on: string | null
  decided_on: string | null
  threshold_met: number | null
  decision_reason_sealed: string | null
  met_on: string | null
  recommendations_sealed: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface CaseAsbComplaintTable {
  id: Generated<number>
  application_id: number
  reported_on: string
  incident_on: string | null
  agency: string
  hate_incident: number
  household_sealed: string | null
  position: number
}

declare module '../../../db/types.ts' {
  interface Database {
    case_asb_applications: CaseAsbApplicationTable
    case_asb_complaints: CaseAsbComplaintTable
  }
}
