// A meeting's life: its agenda is published, it is held, its minutes are drafted and then approved
// at the next meeting. It may be called off before it is held, and a published agenda withdrawn.

export const MEETING_STATUSES = [
  'scheduled',
  'agenda-published',
  'held',
  'minutes-draft',
  'minutes-approved',
  'cancelled',
] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  'agenda-published': 'Agenda published',
  held: 'Held',
  'minutes-draft': 'Minutes in draft',
  'minutes-approved': 'Minutes approved',
  cancelled: 'Cancelled',
}

const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ['agenda-published', 'cancelled'],
  'agenda-published': ['scheduled', 'held', 'cancelled'],
  held: ['minutes-draft'],
  'minutes-draft': ['minutes-approved'],
  'minutes-approved': [],
  cancelled: ['scheduled'],
}

/** The statuses a meeting may move to next. */
export const nextStatuses = (from: MeetingStatus): readonly MeetingStatus[] => NEXT[from]

/** Statuses that say the meeting took place: only these can be held or have minutes. */
const TOOK_PLACE: readonly MeetingStatus[] = ['held', 'minutes-draft', 'minutes-approved']
export const hasTakenPlace = (status: MeetingStatus) => TOOK_PLACE.includes(status)

export function isMeetingStatus(value: unknown): value is MeetingStatus {
  return typeof value === 'string' && (MEETING_STATUSES as readonly string[]).includes(value)
}

/**
 * Why a meeting may not move from one status to another, in words for the person asking; null when
 * it may. `today` and the meeting's day are London dates (YYYY-MM-DD): a meeting is not held before its day.
 */
export function statusChangeRefusal(
  from: MeetingStatus,
  to: MeetingStatus,
  meetingDay: string,
  today: string,
): string | null {
  if (from === to) return `The meeting is already ${MEETING_STATUS_LABELS[to].toLowerCase()}`
  if (!NEXT[from].includes(to)) {
    if (!hasTakenPlace(from) && (to === 'minutes-draft' || to === 'minutes-approved'))
      return 'Minutes can only be drafted or approved for a meeting that has been held'
    const allowed = NEXT[from].map((s) => MEETING_STATUS_LABELS[s].toLowerCase())
    return `A meeting that is ${MEETING_STATUS_LABELS[from].toLowerCase()} can ${
      allowed.length ? `only become ${allowed.join(' or ')}` : 'no longer change'
    }`
  }
  if (to === 'held' && meetingDay > today) return 'A meeting cannot be marked as held before its date'
  return null
}
