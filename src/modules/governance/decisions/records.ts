import type { findDecision, findForwardPlanItem } from './decisions.repository.ts'
import { isCallInOpen } from './rules/call-in.ts'
import { noticeCheck } from './rules/notice.ts'
import type { DecisionStatus } from './rules/statuses.ts'

// Decision records and forward plan items as pages, the API and other modules see them.

type Row<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>

export interface NumberedDecision {
  number: string
  text: string
}

export interface AccompanyingDocument {
  title: string
  link: string | null
}

export interface DecisionRecord {
  id: number
  reference: string
  title: string
  decisionMaker: string
  decisionDate: string
  publicationDate: string | null
  keyDecision: boolean
  subjectToCallIn: boolean
  callInDeadline: string | null
  callInOpen: boolean
  takesEffectOn: string | null
  purpose: string | null
  decisions: NumberedDecision[]
  reasons: string | null
  alternatives: string | null
  conflictsOfInterest: string | null
  actionBy: string | null
  reportAuthors: string | null
  contactOfficer: string | null
  boardId: number | null
  boardName: string | null
  meetingId: number | null
  meetingStartsAt: string | null
  agendaItemId: number | null
  itemNumber: number | null
  /** Taken at an agenda item marked exempt: as exempt as the item. */
  itemExempt: boolean
  documents: AccompanyingDocument[]
  status: DecisionStatus
  /** Null unless taken on exempt information; an exempt record is never on the public page. */
  exemptReason: string | null
  version: number
}

export const toDecision = (d: Row<typeof findDecision>, today: string): DecisionRecord => {
  const record = {
    id: d.id,
    reference: d.reference,
    title: d.title,
    decisionMaker: d.decision_maker,
    decisionDate: d.decision_date,
    publicationDate: d.publication_date,
    keyDecision: d.key_decision === 1,
    subjectToCallIn: d.subject_to_call_in === 1,
    callInDeadline: d.call_in_deadline,
    takesEffectOn: d.takes_effect_on,
    purpose: d.purpose,
    decisions: JSON.parse(d.decisions) as NumberedDecision[],
    reasons: d.reasons,
    alternatives: d.alternatives,
    conflictsOfInterest: d.conflicts_of_interest,
    actionBy: d.action_by,
    reportAuthors: d.report_authors,
    contactOfficer: d.contact_officer,
    boardId: d.board_id,
    boardName: d.board_name,
    meetingId: d.meeting_id,
    meetingStartsAt: d.meeting_starts_at,
    agendaItemId: d.agenda_item_id,
    itemNumber: d.item_number,
    itemExempt: d.item_exempt === 1,
    documents: JSON.parse(d.documents) as AccompanyingDocument[],
    status: d.status as DecisionStatus,
    exemptReason: d.exempt_reason,
    version: d.version,
  }
  return { ...record, callInOpen: isCallInOpen(record, today) }
}

export interface ForwardPlanItem {
  id: number
  title: string
  boardId: number | null
  boardName: string | null
  meetingId: number | null
  meetingStartsAt: string | null
  decisionDate: string
  decisionMaker: string
  keyDecision: boolean
  leadOfficer: string | null
  documents: string[]
  noticeDate: string
  clearDays: number
  /** A key decision with fewer than 28 clear days' notice: taken under the general exception. */
  shortNotice: boolean
  exceptionReason: string | null
}

export const toForwardPlanItem = (f: Row<typeof findForwardPlanItem>): ForwardPlanItem => {
  const check = noticeCheck({
    keyDecision: f.key_decision === 1,
    noticeDate: f.notice_date,
    decisionDate: f.decision_date,
  })
  return {
    id: f.id,
    title: f.title,
    boardId: f.board_id,
    boardName: f.board_name,
    meetingId: f.meeting_id,
    meetingStartsAt: f.meeting_starts_at,
    decisionDate: f.decision_date,
    decisionMaker: f.decision_maker,
    keyDecision: f.key_decision === 1,
    leadOfficer: f.lead_officer,
    documents: JSON.parse(f.documents) as string[],
    noticeDate: f.notice_date,
    clearDays: check.clearDays,
    shortNotice: check.short,
    exceptionReason: f.exception_reason,
  }
}
