// Which taskings a meeting reviews, and which it carries over (ADR 0032). A tasking is raised at one
// meeting; every later meeting reviews it until its outcome is recorded. When a meeting is held,
// each tasking it reviewed that is still unfinished is carried over to the next.

export const TASKING_STATUSES = ['open', 'done', 'not-done', 'carried-over'] as const
export type TaskingStatus = (typeof TASKING_STATUSES)[number]

export const TASKING_STATUS_LABELS: Record<TaskingStatus, string> = {
  open: 'Open',
  done: 'Done',
  'not-done': 'Not done',
  'carried-over': 'Carried over',
}

/** Still to be finished: an open tasking, or one carried over from an earlier review. */
export const isUnfinished = (status: TaskingStatus) => status === 'open' || status === 'carried-over'

export interface MeetingRef {
  id: number
  /** YYYY-MM */
  month: string
  status: 'scheduled' | 'held' | 'cancelled'
}

export interface TaskingRef {
  id: number
  /** The month of the meeting that raised it. */
  raisedMonth: string
  status: TaskingStatus
  resolvedAtMeetingId: number | null
}

/**
 * What a meeting reviews: every tasking raised at an earlier meeting that is unfinished, and those
 * whose outcome was recorded at this meeting (so the record of the review stays with it).
 */
export function forReview<T extends TaskingRef>(
  meeting: Pick<MeetingRef, 'id' | 'month'>,
  taskings: T[],
): T[] {
  return taskings.filter(
    (t) => t.raisedMonth < meeting.month && (isUnfinished(t.status) || t.resolvedAtMeetingId === meeting.id),
  )
}

/** When the meeting is held: the taskings it reviewed that are still unfinished go on to the next. */
export function toCarryOver<T extends TaskingRef>(
  meeting: Pick<MeetingRef, 'id' | 'month'>,
  taskings: T[],
): T[] {
  return forReview(meeting, taskings).filter((t) => isUnfinished(t.status))
}

/**
 * The meeting at which an outcome recorded now belongs: the earliest meeting after the one that
 * raised the tasking that is not yet held or cancelled; null when none is scheduled yet.
 */
export function reviewingMeeting(
  tasking: Pick<TaskingRef, 'raisedMonth'>,
  meetings: MeetingRef[],
): MeetingRef | null {
  return (
    [...meetings]
      .filter((m) => m.month > tasking.raisedMonth && m.status === 'scheduled')
      .sort((a, b) => a.month.localeCompare(b.month))[0] ?? null
  )
}
