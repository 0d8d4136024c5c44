import type { BoardMember, Meeting } from '../records.ts'
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../rules/meeting-status.ts'

// What the public page may show of a meeting, and nothing more. The rule is kept apart from the
// routes so that a test reads it directly: no exempt item (title, presenter, minutes or
// resolutions), no actions arising (their owners and dates are the partnership's working detail),
// no link to join (it may be a private call), no attendance beyond which members came or sent
// apologies, and minutes only once approved. Names appear only as members' and presenters'.

/** Statuses in which a published meeting stays on the public page: its agenda is out. */
export const PUBLIC_STATUSES: readonly MeetingStatus[] = [
  'agenda-published',
  'held',
  'minutes-draft',
  'minutes-approved',
]

export const mayBePublished = (status: MeetingStatus) => PUBLIC_STATUSES.includes(status)

/** A decision record as published; decision records are a later part, so none are shown yet. */
export interface PublicDecision {
  reference: string
  title: string
  dateOfDecision: string | null
}

export interface PublicItem {
  number: number
  title: string
  presenterName: string | null
  /** The approved minutes of the item; null until the meeting's minutes are approved. */
  minutes: { discussion: string | null; resolutions: Array<{ number: string; text: string }> } | null
}

export interface PublicMeeting {
  id: number
  boardName: string
  startsAt: string
  place: string | null
  status: MeetingStatus
  statusText: string
  minutesApproved: boolean
  members: Array<{ name: string; role: string }>
  /** Members present and members who sent apologies; null before the meeting is held. */
  attendance: { present: string[]; apologies: string[] } | null
  items: PublicItem[]
  decisions: PublicDecision[]
}

export interface PublicMeetingSummary {
  id: number
  boardId: number
  boardName: string
  startsAt: string
  status: MeetingStatus
  statusText: string
  minutesApproved: boolean
}

const servesOn = (m: BoardMember, day: string) =>
  (m.fromDate === null || m.fromDate <= day) && (m.toDate === null || m.toDate >= day)

export function publicMeeting(
  meeting: Meeting,
  members: readonly BoardMember[],
  decisions: readonly PublicDecision[] = [],
): PublicMeeting {
  const day = meeting.startsAt.slice(0, 10)
  const serving = members.filter((m) => servesOn(m, day))
  const memberIds = new Set(serving.map((m) => m.personId))
  const nameOf = new Map(serving.map((m) => [m.personId, m.personName]))
  const minutesApproved = meeting.status === 'minutes-approved'
  const tookPlace = ['held', 'minutes-draft', 'minutes-approved'].includes(meeting.status)
  // A substitute is not a member: the member they stood in for is shown as present through them.
  const present = new Set<string>()
  for (const a of meeting.attendance) {
    if (a.attendance !== 'present') continue
    if (memberIds.has(a.personId)) present.add(nameOf.get(a.personId) as string)
    else if (a.substituteForPersonId !== null && memberIds.has(a.substituteForPersonId))
      present.add(`${nameOf.get(a.substituteForPersonId)} (represented by a substitute)`)
  }
  const apologies = meeting.attendance
    .filter((a) => a.attendance === 'apologies' && memberIds.has(a.personId))
    .map((a) => nameOf.get(a.personId) as string)
  return {
    id: meeting.id,
    boardName: meeting.boardName,
    startsAt: meeting.startsAt,
    place: meeting.place,
    status: meeting.status,
    statusText: MEETING_STATUS_LABELS[meeting.status],
    minutesApproved,
    members: serving.map((m) => ({ name: m.personName, role: m.role })),
    attendance: tookPlace ? { present: [...present], apologies } : null,
    items: meeting.items
      .filter((i) => !i.exempt)
      .map((i) => ({
        number: i.number,
        title: i.title,
        presenterName: i.presenterName,
        minutes: minutesApproved
          ? {
              discussion: i.discussion,
              resolutions: i.resolutions.map((r) => ({ number: r.number, text: r.text })),
            }
          : null,
      })),
    decisions: [...decisions],
  }
}
