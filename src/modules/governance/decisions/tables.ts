import type { Generated } from 'kysely'

// Decision records and the forward plan (migration 0018_governance_decisions), merged into the
// shared Database type.

export interface DecisionRecordTable {
  id: Generated<number>
  reference: string
  title: string
  decision_maker: string
  decision_date: string
  publication_date: string | null
  key_decision: number
  subject_to_call_in: number
  call_in_deadline: string | null
  takes_effect_on: string | null
  purpose: string | null
  decisions: string
  reasons: string | null
  alternatives: string | null
  conflicts_of_interest: string | null
  action_by: string | null
  report_authors: string | null
  contact_officer: string | null
  board_id: number | null
  meeting_id: number | null
  agenda_item_id: number | null
  documents: string
  status: string
  /** Set when the decision was taken on exempt information (migration 0027): never on the public page. */
  exempt_reason: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface ForwardPlanItemTable {
  id: Generated<number>
  title: string
  board_id: number | null
  meeting_id: number | null
  decision_date: string
  decision_maker: string
  key_decision: number
  lead_officer: string | null
  documents: string
  notice_date: string
  exception_reason: string | null
  created_at: string
  updated_at: string
  version: number
}

declare module '../../../db/types.ts' {
  interface Database {
    decision_records: DecisionRecordTable
    forward_plan_items: ForwardPlanItemTable
  }
}
