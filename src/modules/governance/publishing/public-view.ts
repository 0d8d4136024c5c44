import type { DecisionRecord } from '../decisions/records.ts'
import { DECISION_STATUS_LABELS } from '../decisions/rules/statuses.ts'
import type { BoardMember, Meeting } from '../records.ts'
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../rules/meeting-status.ts'

// What the public page may show of a meeting, and nothing more. The rule is kept apart from the
// routes so that a test reads it directly: no exempt item (title, presenter, minutes or
// resolutions), no actions arising (their owners and dates are the partnership's working detail),
// no link to join (it may be a private call), no attendance beyond which members came or sent
// apologies, and minutes only once approved. Names appear only as members' and presenters', and
// on a decision record its decision maker's, report authors' and contact officer's.

/** Statuses in which a published meeting stays on the public page: its agenda is out. */
export const PUBLIC_STATUSES: readonly MeetingStatus[] = [
  'agenda-published',
  'held',
  'minutes-draft',
  'minutes-approved',
]

export const mayBePublished = (status: MeetingStatus) => PUBLIC_STATUSES.includes(status)

/**
 * A decision record as published. Councils publish a decision notice on its publication date,
 * whether or not the meeting's papers are out, so a record shows from that London day: never before,
 * never without one, and never when it or the agenda item it was taken at is exempt. Of the people
 * it names, only the decision maker, the report authors and the contact officer's name are shown:
 * "action by" and conflicts of interest stay inside the partnership, and a contact officer's phone
 * number or e-mail address is taken out.
 */
export interface PublicDecision {
  id: number
  reference: string
  title: string
  decisionMaker: string
  statusText: string
  decisionDate: string
  publicationDate: string
  keyDecision: boolean
  subjectToCallIn: boolean
  callInDeadline: string | null
  callInOpen: boolean
  takesEffectOn: string | null
  purpose: string | null
  decisions: Array<{ number: string; text: string }>
  reasons: string | null
  alternatives: string | null
  reportAuthors: string | null
  contactOfficer: string | null
  boardName: string | null
  /** The meeting it was taken at, only while that meeting is itself on the public page. */
  meeting: { id: number; startsAt: string; itemNumber: number | null } | null
  documents: Array<{ title: string; link: string | null }>
}

export const isDecisionPublic = (
  d: Pick<DecisionRecord, 'publicationDate' | 'exemptReason' | 'itemExempt'>,
  today: string,
): d is typeof d & { publicationDate: string } =>
  d.publicationDate !== null && d.publicationDate <= today && d.exemptReason === null && !d.itemExempt

const EMAIL = /[^\s,;()<>]+@[^\s,;()<>]+/g
const PHONE = /\+?\(?\d[\d\s()-]{6,}\d/g
const CONTACT_WORDS = /\b(?:tel(?:ephone)?|phone|mobile|e-?mail|email)\b\s*:?/gi

/** "Priya Shah, Community Safety Manager, 01632 960123, priya@council.example" → "Priya Shah, Community Safety Manager". */
export function nameOnly(contact: string | null): string | null {
  if (!contact) return null
  const kept = contact
    .replace(EMAIL, '')
    .replace(PHONE, '')
    .replace(CONTACT_WORDS, '')
    .replace(/\(\s*\)/g, '')
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ')
  return kept || null
}

export function publicDecision(d: DecisionRecord, meetingPublic: boolean): PublicDecision {
  return {
    id: d.id,
    reference: d.reference,
    title: d.title,
    decisionMaker: d.decisionMaker,
    statusText: DECISION_STATUS_LABELS[d.status],
    decisionDate: d.decisionDate,
    publicationDate: d.publicationDate as string,
    keyDecision: d.keyDecision,
    subjectToCallIn: d.subjectToCallIn,
    callInDeadline: d.callInDeadline,
    callInOpen: d.callInOpen,
    takesEffectOn: d.takesEffectOn,
    purpose: d.purpose,
    decisions: d.decisions.map((n) => ({ number: n.number, text: n.text })),
    reasons: d.reasons,
    alternatives: d.alternatives,
    reportAuthors: d.reportAuthors,
    contactOfficer: nameOnly(d.contactOfficer),
    boardName: d.boardName,
    meeting:
      meetingPublic && d.meetingId !== null && d.meetingStartsAt !== null
        ? { id: d.meetingId, startsAt: d.meetingStartsAt, itemNumber: d.itemNumber }
        : null,
    documents: d.documents.map((doc) => ({ title: doc.title, link: doc.link })),
  }
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
