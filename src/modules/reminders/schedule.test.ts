import { describe, expect, it } from 'vitest'
import { describeSchedule, dueWindow, londonClock, parseSchedule, ScheduleError } from './schedule.ts'

const monday8 = parseSchedule('monday 08:00')

describe('the reminder schedule', () => {
  it('reads a day and a time in the ways people write them', () => {
    expect(monday8).toEqual({ weekday: 1, time: '08:00' })
    expect(parseSchedule('Mon 8')).toEqual({ weekday: 1, time: '08:00' })
    expect(parseSchedule('  FRIDAY 16:30 ')).toEqual({ weekday: 5, time: '16:30' })
    expect(parseSchedule('sun 0:05')).toEqual({ weekday: 0, time: '00:05' })
    expect(describeSchedule(parseSchedule('thu 9:15'))).toBe('every Thursday at 09:15, London time')
  })

  it('refuses anything else with a message that shows the form', () => {
    for (const bad of [
      '',
      'monday',
      'mo 8',
      'someday 8',
      'monday 24:00',
      'monday 8:60',
      'weekly',
      '8:00 monday',
    ]) {
      expect(() => parseSchedule(bad)).toThrow(ScheduleError)
    }
    expect(() => parseSchedule('monday at eight')).toThrow(
      'REMINDER_SCHEDULE must be a day and a time, London time, such as "monday 08:00" (got "monday at eight")',
    )
  })

  it('reads the London clock, in winter (GMT) and in summer (BST)', () => {
    expect(londonClock(new Date('2026-11-30T08:00:00Z'))).toEqual({
      date: '2026-11-30',
      time: '08:00',
      weekday: 1,
    })
    expect(londonClock(new Date('2026-06-01T07:00:00Z'))).toEqual({
      date: '2026-06-01',
      time: '08:00',
      weekday: 1,
    })
    // Sunday 23:30 UTC in summer is already Monday in London.
    expect(londonClock(new Date('2026-05-31T23:30:00Z'))).toEqual({
      date: '2026-06-01',
      time: '00:30',
      weekday: 1,
    })
  })

  it('is due from the scheduled time to the end of that day, once a window', () => {
    // Monday 30 November 2026, GMT.
    expect(dueWindow(monday8, new Date('2026-11-30T07:59:00Z'), null)).toBeNull()
    expect(dueWindow(monday8, new Date('2026-11-30T08:00:00Z'), null)).toBe('2026-11-30T08:00')
    expect(dueWindow(monday8, new Date('2026-11-30T23:59:00Z'), null)).toBe('2026-11-30T08:00')
    // Sent already: a restart that afternoon sends nothing more.
    expect(dueWindow(monday8, new Date('2026-11-30T15:00:00Z'), '2026-11-30T08:00')).toBeNull()
    // The next day, and the rest of the week, wait for the next Monday.
    expect(dueWindow(monday8, new Date('2026-12-01T08:00:00Z'), null)).toBeNull()
    expect(dueWindow(monday8, new Date('2026-12-06T12:00:00Z'), '2026-11-30T08:00')).toBeNull()
    expect(dueWindow(monday8, new Date('2026-12-07T08:05:00Z'), '2026-11-30T08:00')).toBe('2026-12-07T08:00')
  })

  it('keeps to London time across the change to summer time', () => {
    // Monday 30 March 2026 is the first Monday of BST: 08:00 in London is 07:00 UTC.
    expect(dueWindow(monday8, new Date('2026-03-30T06:59:00Z'), null)).toBeNull()
    expect(dueWindow(monday8, new Date('2026-03-30T07:00:00Z'), null)).toBe('2026-03-30T08:00')
  })
})
