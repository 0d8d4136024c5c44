import type { ActionStatus } from '../meetings/schema.ts'

/** An action agreed for a case, opened: built only for someone who may read the case. */
export interface CaseAction {
  id: number
  caseId: number
  meetingId: number | null
  action: string
  ownerOrganisation: { id: number; name: string }
  owner: { id: number; name: string }
  dueOn: string
  status: ActionStatus
  statusLabel: string
  result: string | null
  /** Still open after its due date. */
  overdue: boolean
  version: number
}
