import type { findEvidence } from './duties.repository.ts'
import type { Duty, DutyRag } from './rules.ts'

// The duties tracker as pages, the API and other modules see it: never the rows.

export interface DutyEvidence {
  /** Null for a public meeting counted because it was marked public and took place. */
  id: number | null
  year: number
  duty: Duty
  kind: 'meeting' | 'document' | 'decision'
  meetingId: number | null
  meetingStartsAt: string | null
  meetingBoardName: string | null
  documentTitle: string | null
  documentLink: string | null
  /** A decision record from the register; null for a decision named only by its reference. */
  decisionId: number | null
  decisionTitle: string | null
  /** The record's reference, or the free reference given for a decision not in the register. */
  decisionReference: string | null
  evidencedOn: string
  note: string | null
}

export interface StatutoryDuty {
  duty: Duty
  title: string
  basis: string
  dueDate: string
  /** Whether the partnership set this year's due date, rather than the usual one. */
  dueDateSet: boolean
  rag: DutyRag
  evidence: DutyEvidence[]
}

export interface DutiesYear {
  year: number
  /** "2026/27". */
  yearText: string
  from: string
  to: string
  amberDays: number
  duties: StatutoryDuty[]
}

export const toEvidence = (e: NonNullable<Awaited<ReturnType<typeof findEvidence>>>): DutyEvidence => ({
  id: e.id,
  year: e.year,
  duty: e.duty as Duty,
  kind: e.kind as DutyEvidence['kind'],
  meetingId: e.meeting_id,
  meetingStartsAt: e.meeting_starts_at,
  meetingBoardName: e.meeting_board_name,
  documentTitle: e.document_title,
  documentLink: e.document_link,
  decisionId: e.decision_id,
  decisionTitle: e.decision_title,
  decisionReference: e.decision_record_reference ?? e.decision_reference,
  evidencedOn: e.evidenced_on,
  note: e.note,
})
