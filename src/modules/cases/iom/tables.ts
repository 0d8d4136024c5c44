import type { Generated } from 'kysely'

// The IOM tables (migration 0029_cases_iom), merged into the shared Database type. Columns ending
// _sealed hold ciphertext (protection/field-cipher.ts).

interface Stamped {
  created_at: string
  updated_at: string
  version: number
}

export interface IomOffenceTable extends Stamped {
  id: Generated<number>
  panel_id: number
  subject_id: number
  offence_date: string
  offence_group: string
  home_office_code: string | null
  source_note_sealed: string | null
}

export interface IomSettingsTable extends Stamped {
  id: Generated<number>
  panel_id: number
  settings: string
}

export interface IomCandidateDecisionTable {
  id: Generated<number>
  panel_id: number
  subject_id: number
  decision: string
  decided_on: string
  score: number
  reason_sealed: string
  decided_by_user_id: number | null
  created_at: string
}

export interface IomCohortMembershipTable extends Stamped {
  id: Generated<number>
  panel_id: number
  subject_id: number
  cohort: string
  selected_on: string
  selection_reason_sealed: string
  eligibility: string
  deselected_on: string | null
  deselection_reason: string | null
  deselection_note_sealed: string | null
}

export interface IomPathwayTable extends Stamped {
  id: Generated<number>
  panel_id: number
  subject_id: number
  pathway: string
  need: string
  progress: string | null
  reviewed_on: string
  note_sealed: string | null
}

declare module '../../../db/types.ts' {
  interface Database {
    iom_offences: IomOffenceTable
    iom_settings: IomSettingsTable
    iom_candidate_decisions: IomCandidateDecisionTable
    iom_cohort_memberships: IomCohortMembershipTable
    iom_pathways: IomPathwayTable
  }
}
