import type { OutcomeEvent } from '../rules/cohort-outcomes.ts'

/**
 * An outcome event as recorded, opened for someone the need-to-know policy lets read it. It is the
 * cohort rules' OutcomeEvent (rules/cohort-outcomes.ts), whose subjectId is the subject's id as text,
 * with what the record adds.
 */
export interface RecordedOutcomeEvent extends OutcomeEvent {
  id: number
  kindLabel: string
  panel: { id: number; name: string }
  notes: string | null
  recordedAt: string
}

/** A panel's outcome events for one subject of its cases: the cohort report's input. */
export interface SubjectOutcomes {
  subjectId: number
  events: RecordedOutcomeEvent[]
}
