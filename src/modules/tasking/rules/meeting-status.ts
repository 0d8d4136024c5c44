// A tasking meeting is scheduled, then held (which carries unfinished taskings over) or cancelled.

export const TASKING_MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const
export type TaskingMeetingStatus = (typeof TASKING_MEETING_STATUSES)[number]

export const TASKING_MEETING_STATUS_LABELS: Record<TaskingMeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
}

const NEXT: Record<TaskingMeetingStatus, readonly TaskingMeetingStatus[]> = {
  scheduled: ['held', 'cancelled'],
  held: [],
  cancelled: ['scheduled'],
}

export const nextMeetingStatuses = (status: TaskingMeetingStatus) => NEXT[status]

export const mayMoveMeeting = (from: TaskingMeetingStatus, to: TaskingMeetingStatus) =>
  NEXT[from].includes(to)
