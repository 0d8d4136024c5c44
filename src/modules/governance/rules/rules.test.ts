import { describe, expect, it } from 'vitest'
import { MEETING_STATUSES, nextStatuses, statusChangeRefusal } from './meeting-status.ts'
import { isMemberOn, quorumCheck } from './quorum.ts'
import {
  isResolutionNumber,
  nextResolutionNumber,
  normaliseResolutionNumber,
  resolvedHeading,
  toRoman,
} from './resolutions.ts'

describe('meeting status', () => {
  const day = '2026-03-10'

  it('follows a meeting from scheduled to minutes approved', () => {
    expect(statusChangeRefusal('scheduled', 'agenda-published', day, day)).toBeNull()
    expect(statusChangeRefusal('agenda-published', 'held', day, day)).toBeNull()
    expect(statusChangeRefusal('held', 'minutes-draft', day, '2026-03-11')).toBeNull()
    expect(statusChangeRefusal('minutes-draft', 'minutes-approved', day, '2026-06-01')).toBeNull()
  })

  it('refuses minutes for a meeting not yet held, and holding one before its day', () => {
    expect(statusChangeRefusal('scheduled', 'minutes-approved', day, day)).toBe(
      'Minutes can only be drafted or approved for a meeting that has been held',
    )
    expect(statusChangeRefusal('agenda-published', 'minutes-draft', day, day)).toMatch(/has been held/)
    expect(statusChangeRefusal('agenda-published', 'held', day, '2026-03-09')).toBe(
      'A meeting cannot be marked as held before its date',
    )
    expect(statusChangeRefusal('held', 'minutes-approved', day, day)).toBe(
      'A meeting that is held can only become minutes in draft',
    )
  })

  it('lets a meeting be cancelled before it is held, and reinstated, but never after', () => {
    expect(statusChangeRefusal('scheduled', 'cancelled', day, day)).toBeNull()
    expect(statusChangeRefusal('agenda-published', 'cancelled', day, day)).toBeNull()
    expect(statusChangeRefusal('cancelled', 'scheduled', day, day)).toBeNull()
    expect(statusChangeRefusal('held', 'cancelled', day, day)).not.toBeNull()
    expect(statusChangeRefusal('minutes-approved', 'minutes-draft', day, day)).toBe(
      'A meeting that is minutes approved can no longer change',
    )
    expect(statusChangeRefusal('held', 'held', day, day)).toBe('The meeting is already held')
  })

  it('offers only moves the rule allows', () => {
    for (const from of MEETING_STATUSES)
      for (const to of nextStatuses(from)) expect(statusChangeRefusal(from, to, day, day)).toBeNull()
  })
})

describe('quorum', () => {
  const members = [
    { personId: 1, voting: true, fromDate: null, toDate: null },
    { personId: 2, voting: true, fromDate: '2026-01-01', toDate: null },
    { personId: 3, voting: true, fromDate: null, toDate: '2025-12-31' },
    { personId: 4, voting: false, fromDate: null, toDate: null },
    { personId: 5, voting: true, fromDate: null, toDate: null },
  ]

  it('counts voting members whose membership runs on the day', () => {
    expect(isMemberOn(members[1] as (typeof members)[number], '2025-06-01')).toBe(false)
    const result = quorumCheck(
      3,
      members,
      [
        { personId: 1, attendance: 'present', substituteForPersonId: null },
        { personId: 3, attendance: 'present', substituteForPersonId: null },
        { personId: 4, attendance: 'present', substituteForPersonId: null },
        { personId: 2, attendance: 'apologies', substituteForPersonId: null },
      ],
      '2026-03-10',
    )
    expect(result).toEqual({ present: 1, needed: 3, quorate: false })
  })

  it('counts a substitute once, in place of the member they replace', () => {
    const result = quorumCheck(
      3,
      members,
      [
        { personId: 1, attendance: 'present', substituteForPersonId: null },
        { personId: 2, attendance: 'apologies', substituteForPersonId: null },
        { personId: 90, attendance: 'present', substituteForPersonId: 2 },
        { personId: 91, attendance: 'present', substituteForPersonId: 2 },
        { personId: 92, attendance: 'present', substituteForPersonId: 4 },
        { personId: 5, attendance: 'present', substituteForPersonId: null },
      ],
      '2026-03-10',
    )
    expect(result).toEqual({ present: 3, needed: 3, quorate: true })
  })
})

describe('resolution numbers', () => {
  it('continues the style the minutes use', () => {
    expect(nextResolutionNumber([])).toBe('i')
    expect(nextResolutionNumber(['i', 'ii'])).toBe('iii')
    expect(nextResolutionNumber(['1', '2', '3'])).toBe('4')
    expect(nextResolutionNumber(['a'])).toBe('b')
    expect(toRoman(9)).toBe('ix')
    expect(toRoman(14)).toBe('xiv')
  })

  it('reads numbers as typed and heads the minute as seed 004 does', () => {
    expect(normaliseResolutionNumber(' ii) ')).toBe('ii')
    expect(normaliseResolutionNumber('(2)')).toBe('2')
    expect(normaliseResolutionNumber('III.')).toBe('iii')
    expect(isResolutionNumber('iii')).toBe(true)
    expect(isResolutionNumber('first')).toBe(false)
    expect(resolvedHeading(['i', 'ii', 'iii'])).toBe('RESOLVED i–iii')
    expect(resolvedHeading(['1'])).toBe('RESOLVED 1')
  })
})

describe('reporting lines', () => {
  it('refuses a line that would bring reports back round to the board', async () => {
    const { wouldMakeLoop } = await import('./reporting-lines.ts')
    const lines = [
      { boardId: 1, reportsToBoardId: 2 },
      { boardId: 2, reportsToBoardId: 3 },
      { boardId: 1, reportsToBoardId: 3 },
    ]
    expect(wouldMakeLoop(lines, 3, 1)).toBe(true)
    expect(wouldMakeLoop(lines, 3, 2)).toBe(true)
    expect(wouldMakeLoop(lines, 2, 2)).toBe(true)
    expect(wouldMakeLoop(lines, 4, 1)).toBe(false)
    expect(wouldMakeLoop(lines, 2, 4)).toBe(false)
  })
})
