import { describe, expect, it } from 'vitest'
import { forReview, type MeetingRef, reviewingMeeting, type TaskingRef, toCarryOver } from './carry-over.ts'
import { mayMoveMeeting, nextMeetingStatuses } from './meeting-status.ts'

const meeting = (id: number, month: string, status: MeetingRef['status'] = 'scheduled'): MeetingRef => ({
  id,
  month,
  status,
})
const tasking = (
  id: number,
  raisedMonth: string,
  status: TaskingRef['status'],
  resolvedAtMeetingId: number | null = null,
): TaskingRef => ({
  id,
  raisedMonth,
  status,
  resolvedAtMeetingId,
})

describe('which taskings a meeting reviews', () => {
  const march = meeting(3, '2025-03')

  it('brings back every unfinished tasking raised at an earlier meeting, open or already carried over', () => {
    const taskings = [
      tasking(1, '2025-02', 'open'),
      tasking(2, '2025-01', 'carried-over'),
      tasking(3, '2025-02', 'done', 2),
      tasking(4, '2025-02', 'not-done', 2),
    ]
    expect(forReview(march, taskings).map((t) => t.id)).toEqual([1, 2])
  })

  it('keeps with the meeting the taskings whose outcome it recorded, so the review stays on record', () => {
    const taskings = [
      tasking(1, '2025-02', 'done', 3),
      tasking(2, '2025-02', 'not-done', 3),
      tasking(3, '2025-02', 'done', 4),
    ]
    expect(forReview(march, taskings).map((t) => t.id)).toEqual([1, 2])
  })

  it('never reviews a tasking raised at the meeting itself or at a later one', () => {
    const taskings = [tasking(1, '2025-03', 'open'), tasking(2, '2025-04', 'open')]
    expect(forReview(march, taskings)).toEqual([])
  })

  it('carries over, when held, only what it reviewed and is still unfinished', () => {
    const taskings = [
      tasking(1, '2025-02', 'open'),
      tasking(2, '2025-01', 'carried-over'),
      tasking(3, '2025-02', 'done', 3),
      tasking(4, '2025-03', 'open'),
    ]
    expect(toCarryOver(march, taskings).map((t) => t.id)).toEqual([1, 2])
  })
})

describe('the meeting an outcome belongs to', () => {
  it('is the earliest meeting after the one that raised it that has not yet taken place', () => {
    const meetings = [
      meeting(1, '2025-01', 'held'),
      meeting(3, '2025-03'),
      meeting(2, '2025-02', 'held'),
      meeting(4, '2025-04'),
    ]
    expect(reviewingMeeting({ raisedMonth: '2025-01' }, meetings)?.id).toBe(3)
  })

  it('is none when no later meeting is scheduled, and never a cancelled one', () => {
    const meetings = [meeting(1, '2025-01', 'held'), meeting(2, '2025-02', 'cancelled')]
    expect(reviewingMeeting({ raisedMonth: '2025-01' }, meetings)).toBeNull()
  })
})

describe('a tasking meeting’s status', () => {
  it('moves from scheduled to held or cancelled, and a held meeting stays held', () => {
    expect(nextMeetingStatuses('scheduled')).toEqual(['held', 'cancelled'])
    expect(mayMoveMeeting('held', 'scheduled')).toBe(false)
    expect(mayMoveMeeting('cancelled', 'scheduled')).toBe(true)
    expect(mayMoveMeeting('scheduled', 'held')).toBe(true)
  })
})
