import type { Generated } from 'kysely'

// The cases module's tables (migration 0021_cases), merged into the shared Database type.
// Columns ending _sealed hold ciphertext (protection/field-cipher.ts); _index columns keyed hashes.

interface Stamped {
  created_at: string
  updated_at: string
  version: number
}

export interface CasePanelTable extends Stamped {
  id: Generated<number>
  name: string
  type: string
  terms_of_reference: string
  chair_user_id: number
  cadence: string
  isa_parties: string
  isa_legal_basis: string
  isa_review_date: string
  retention_years: number
  /** Migration 0022: incidents in 12 months that make potential escalation on this panel. */
  escalation_incidents: Generated<number>
}

export interface CasePanelOrganisationTable {
  id: Generated<number>
  panel_id: number
  organisation_id: number
}

export interface CasePanelMemberTable {
  id: Generated<number>
  panel_id: number
  user_id: number
}

export interface CaseSubjectTable extends Stamped {
  id: Generated<number>
  identity_sealed: string
  profile_sealed: string
  name_dob_index: string
  surname_dob_index: string
  merged_into_subject_id: number | null
}

export interface CaseSubjectAliasTable {
  id: Generated<number>
  subject_id: number
  name_sealed: string
  name_dob_index: string
  surname_dob_index: string
}

export interface CaseSubjectAddressTable {
  id: Generated<number>
  subject_id: number
  address_sealed: string
  position: number
}

export interface CaseReferralTable extends Stamped {
  id: Generated<number>
  panel_id: number
  referring_organisation_id: number
  referring_user_id: number
  status: string
  referred_on: string
  decided_on: string | null
  heard_on: string | null
  closed_on: string | null
  reasons_sealed: string
  risk_sealed: string
  consent: string
  consent_decision_sealed: string | null
  decline_reason_sealed: string | null
}

export interface CaseReferralSubjectTable {
  id: Generated<number>
  referral_id: number
  subject_id: number
  role: string
}

export interface CaseMatchDecisionTable {
  id: Generated<number>
  referral_id: number
  candidate_subject_id: number
  subject_id: number
  decision: string
  matched_on: string
  decided_by_user_id: number | null
  decided_at: string
}

export interface CaseBreakGlassTable {
  id: Generated<number>
  referral_id: number
  user_id: number
  reason_sealed: string
  opened_at: string
  expires_at: string
  seen_by_chair_at: string | null
}

export interface CaseInterventionTable extends Stamped {
  id: Generated<number>
  name: string
  provider_organisation_id: number
  kind: string
  description: string
  eligibility: string
  referral_route: string
  places: number | null
  contact: string
}

export interface CaseInterventionPanelTable {
  id: Generated<number>
  intervention_id: number
  panel_id: number
}

export interface CaseInterventionEpisodeTable extends Stamped {
  id: Generated<number>
  subject_id: number
  panel_id: number
  intervention_id: number
  referred_on: string
  referral_outcome: string
  outcome_on: string | null
  reason_code: string | null
  started_on: string | null
  ended_on: string | null
  ending: string | null
  notes_sealed: string | null
}

export interface CaseOutcomeEventTable {
  id: Generated<number>
  subject_id: number
  panel_id: number
  kind: string
  occurred_on: string
  proven_on: string | null
  offence_group_sealed: string | null
  notes_sealed: string | null
  recorded_by_user_id: number | null
  created_at: string
}

declare module '../../db/types.ts' {
  interface Database {
    case_panels: CasePanelTable
    case_panel_organisations: CasePanelOrganisationTable
    case_panel_members: CasePanelMemberTable
    case_subjects: CaseSubjectTable
    case_subject_aliases: CaseSubjectAliasTable
    case_subject_addresses: CaseSubjectAddressTable
    case_referrals: CaseReferralTable
    case_referral_subjects: CaseReferralSubjectTable
    case_match_decisions: CaseMatchDecisionTable
    case_break_glass: CaseBreakGlassTable
    case_interventions: CaseInterventionTable
    case_intervention_panels: CaseInterventionPanelTable
    case_intervention_episodes: CaseInterventionEpisodeTable
    case_outcome_events: CaseOutcomeEventTable
  }
}

// Migration 0023_cases_rights.
export interface CaseSubjectMergeTable {
  id: Generated<number>
  kept_subject_id: number
  merged_subject_id: number
  moved_link_ids: string
  reason_sealed: string
  merged_by_user_id: number
  merged_at: string
  undone_by_user_id: number | null
  undone_at: string | null
}

declare module '../../db/types.ts' {
  interface Database {
    case_subject_merges: CaseSubjectMergeTable
  }
}
