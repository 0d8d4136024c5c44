import type { Generated } from 'kysely'

// The panel meetings' tables (migration 0022_cases_meetings), merged into the shared Database type.
// Columns ending _sealed hold ciphertext (protection/field-cipher.ts); booleans are 0 or 1.

export interface CaseAssessmentTable {
  id: Generated<number>
  referral_id: number
  checklist_version: string
  assessed_on: string
  assessed_by_user_id: number | null
  answers_sealed: string
  yes_count: number
  band: string
  incidents_12_months: number | null
  escalation_incidents: number
  last_referral_id: number | null
  last_referral_on: string | null
  visible_high_risk: number
  potential_escalation: number
  repeat_marac: number
  professional_judgement: number
  refer_to_marac: number
  judgement_sealed: string | null
  reasons_sealed: string
  created_at: string
}

export interface CaseMeetingTable {
  id: Generated<number>
  panel_id: number
  meets_on: string
  created_at: string
  updated_at: string
  version: number
}

export interface CaseMeetingAttendeeTable {
  id: Generated<number>
  meeting_id: number
  organisation_id: number
}

export interface CaseMeetingCaseTable {
  id: Generated<number>
  meeting_id: number
  referral_id: number
  kind: string
  discussion_sealed: string | null
  discussed_at: string | null
  next_review_on: string | null
  version: Generated<number>
}

export interface CaseActionTable {
  id: Generated<number>
  referral_id: number
  meeting_id: number | null
  action_sealed: string
  owner_organisation_id: number
  owner_user_id: number
  due_on: string
  status: string
  result_sealed: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface CaseSafetyPlanTable {
  id: Generated<number>
  referral_id: number
  plan_sealed: string
  updated_by_user_id: number | null
  created_at: string
  updated_at: string
  version: number
}

declare module '../../../db/types.ts' {
  interface Database {
    case_assessments: CaseAssessmentTable
    case_meetings: CaseMeetingTable
    case_meeting_attendees: CaseMeetingAttendeeTable
    case_meeting_cases: CaseMeetingCaseTable
    case_actions: CaseActionTable
    case_safety_plans: CaseSafetyPlanTable
  }
}
