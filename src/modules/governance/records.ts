import type { findBoard, listMembers, listReportingLines } from './boards.repository.ts'
import type { findMeeting, listAttendance, listItems } from './meetings.repository.ts'
import type { findAction, listResolutions } from './minutes.repository.ts'
import type { MeetingStatus } from './rules/meeting-status.ts'
import type { QuorumResult } from './rules/quorum.ts'

// Boards, meetings and minutes as pages, the API and other modules see them: never the rows.

type Row<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>
type ListRow<F extends (...args: never[]) => unknown> =
  Awaited<ReturnType<F>> extends Array<infer R> ? R : never

export interface BoardLink {
  id: number
  name: string
}

export interface BoardMember {
  id: number
  personId: number
  personName: string
  organisationId: number | null
  organisationName: string | null
  role: string
  voting: boolean
  fromDate: string | null
  toDate: string | null
}

export interface BoardSummary {
  id: number
  name: string
  purpose: string
  frequency: string
  quorum: number
  chairPersonId: number | null
  chairName: string | null
  viceChairPersonId: number | null
  viceChairName: string | null
  termsOfReference: string | null
  termsReviewDate: string | null
  standingItems: string[]
  version: number
}

export interface Board extends BoardSummary {
  members: BoardMember[]
  reportsTo: BoardLink[]
  reportedToBy: BoardLink[]
}

export interface ReportingLine {
  board: BoardLink
  reportsTo: BoardLink
}

export interface Attendance {
  personId: number
  personName: string
  attendance: 'present' | 'apologies'
  substituteForPersonId: number | null
  substituteForName: string | null
}

export interface Resolution {
  id: number
  number: string
  text: string
}

export interface ActionArising {
  id: number
  meetingId: number
  meetingStartsAt: string
  itemNumber: number
  description: string
  ownerPersonId: number | null
  ownerName: string | null
  ownerOrganisationId: number | null
  ownerOrganisationName: string | null
  dueDate: string | null
  status: 'open' | 'closed'
  closedOn: string | null
}

export interface AgendaItem {
  id: number
  number: number
  title: string
  kind: 'item' | 'standing' | 'matters-arising'
  presenterPersonId: number | null
  presenterName: string | null
  exempt: boolean
  exemptReason: string | null
  discussion: string | null
  resolutions: Resolution[]
  actions: ActionArising[]
}

export interface MeetingSummary {
  id: number
  boardId: number
  boardName: string
  startsAt: string
  place: string | null
  link: string | null
  status: MeetingStatus
  version: number
}

export interface Meeting extends MeetingSummary {
  items: AgendaItem[]
  attendance: Attendance[]
  /** Open actions from the board's earlier meetings, shown under the matters arising item. */
  mattersArising: ActionArising[]
  quorum: QuorumResult
  nextStatuses: readonly MeetingStatus[]
}

export function toBoardSummary(b: Row<typeof findBoard>): BoardSummary {
  return {
    id: b.id,
    name: b.name,
    purpose: b.purpose,
    frequency: b.frequency,
    quorum: b.quorum,
    chairPersonId: b.chair_person_id,
    chairName: b.chair_name,
    viceChairPersonId: b.vice_chair_person_id,
    viceChairName: b.vice_chair_name,
    termsOfReference: b.terms_of_reference,
    termsReviewDate: b.terms_review_date,
    standingItems: JSON.parse(b.standing_items) as string[],
    version: b.version,
  }
}

export const toMember = (m: ListRow<typeof listMembers>): BoardMember => ({
  id: m.id,
  personId: m.person_id,
  personName: m.person_name,
  organisationId: m.organisation_id,
  organisationName: m.organisation_name,
  role: m.role,
  voting: m.voting === 1,
  fromDate: m.from_date,
  toDate: m.to_date,
})

export const toReportingLine = (l: ListRow<typeof listReportingLines>): ReportingLine => ({
  board: { id: l.board_id, name: l.board_name },
  reportsTo: { id: l.reports_to_board_id, name: l.reports_to_name },
})

export const toMeetingSummary = (m: Row<typeof findMeeting>): MeetingSummary => ({
  id: m.id,
  boardId: m.board_id,
  boardName: m.board_name,
  startsAt: m.starts_at,
  place: m.place,
  link: m.link,
  status: m.status as MeetingStatus,
  version: m.version,
})

export const toAttendance = (a: ListRow<typeof listAttendance>): Attendance => ({
  personId: a.person_id,
  personName: a.person_name,
  attendance: a.attendance as Attendance['attendance'],
  substituteForPersonId: a.substitute_for_person_id,
  substituteForName: a.substitute_for_name,
})

export const toResolution = (r: ListRow<typeof listResolutions>): Resolution => ({
  id: r.id,
  number: r.number,
  text: r.text,
})

export const toAction = (a: Row<typeof findAction>): ActionArising => ({
  id: a.id,
  meetingId: a.meeting_id,
  meetingStartsAt: a.meeting_starts_at,
  itemNumber: a.item_number,
  description: a.description,
  ownerPersonId: a.owner_person_id,
  ownerName: a.owner_name,
  ownerOrganisationId: a.owner_organisation_id,
  ownerOrganisationName: a.owner_organisation_name,
  dueDate: a.due_date,
  status: a.status as ActionArising['status'],
  closedOn: a.closed_on,
})

export const toItem = (
  i: ListRow<typeof listItems>,
  resolutions: Resolution[],
  actions: ActionArising[],
): AgendaItem => ({
  id: i.id,
  number: i.number,
  title: i.title,
  kind: i.kind as AgendaItem['kind'],
  presenterPersonId: i.presenter_person_id,
  presenterName: i.presenter_name,
  exempt: i.exempt === 1,
  exemptReason: i.exempt_reason,
  discussion: i.discussion,
  resolutions,
  actions,
})
