import type { Generated } from 'kysely'

// The duties tracker's tables (migration 0020_governance_duties_publishing), merged into the shared Database type.

export interface StatutoryDutyEvidenceTable {
  id: Generated<number>
  year: number
  duty: string
  kind: string
  meeting_id: number | null
  document_title: string | null
  document_link: string | null
  decision_reference: string | null
  /** A decision record from the register (migration 0027); otherwise the free reference above. */
  decision_id: number | null
  evidenced_on: string
  note: string | null
  created_at: string
}

export interface StatutoryDutyDueDateTable {
  id: Generated<number>
  year: number
  duty: string
  due_date: string
}

export interface PublicMeetingTable {
  id: Generated<number>
  meeting_id: number
  marked_at: string
}

declare module '../../../db/types.ts' {
  interface Database {
    statutory_duty_evidence: StatutoryDutyEvidenceTable
    statutory_duty_due_dates: StatutoryDutyDueDateTable
    public_meetings: PublicMeetingTable
  }
}
