import { describe, expect, it } from 'vitest'
import { londonToday } from '../../shared/london-day.ts'
import { flagsFor } from './flags.ts'

const base = {
  start: '2026-01',
  end: '2026-06',
  rag: 'green' as const,
  latestUpdateOn: '2026-11-01',
  createdAt: '2026-01-10T09:00:00.000Z',
}

describe('deliverable flags', () => {
  it('is overdue once the whole end month has passed, unless complete', () => {
    expect(flagsFor(base, '2026-06-30', 90).overdue).toBe(false)
    expect(flagsFor(base, '2026-07-01', 90).overdue).toBe(true)
    expect(flagsFor({ ...base, rag: 'blue' }, '2026-07-01', 90).overdue).toBe(false)
    expect(flagsFor({ ...base, end: 'ongoing' }, '2030-01-01', 90).overdue).toBe(false)
    expect(flagsFor({ ...base, end: 'tbc' }, '2030-01-01', 90).overdue).toBe(false)
  })

  it('is stale after the stale period without an update, counting from when it was added if never updated', () => {
    expect(flagsFor(base, '2027-01-29', 90).stale).toBe(false)
    expect(flagsFor(base, '2027-01-31', 90).stale).toBe(true)
    expect(flagsFor({ ...base, latestUpdateOn: null }, '2026-04-15', 90).stale).toBe(true)
    expect(flagsFor({ ...base, latestUpdateOn: null }, '2026-04-15', 120).stale).toBe(false)
  })

  it('is never updated, however recently it was added, until its first progress update, unless complete', () => {
    const fresh = { ...base, latestUpdateOn: null, createdAt: '2026-11-20T09:00:00.000Z' }
    expect(flagsFor(fresh, '2026-11-23', 90)).toMatchObject({ stale: false, neverUpdated: true })
    expect(flagsFor(base, '2026-11-23', 90).neverUpdated).toBe(false)
    expect(flagsFor({ ...fresh, rag: 'blue' }, '2026-11-23', 90).neverUpdated).toBe(false)
  })

  it('spots an end before its start, by whole months', () => {
    expect(flagsFor({ ...base, start: '2018-10', end: '2010-03' }, '2026-11-23', 90).endBeforeStart).toBe(
      true,
    )
    expect(flagsFor({ ...base, start: '2018-10', end: '2018-10' }, '2026-11-23', 90).endBeforeStart).toBe(
      false,
    )
    expect(flagsFor({ ...base, start: '2018-10-15', end: '2018-10' }, '2026-11-23', 90).endBeforeStart).toBe(
      false,
    )
  })

  it('takes today in London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
  })

  it('turns the day at London midnight exactly, one call after another', () => {
    expect(londonToday(new Date('2026-06-30T22:59:00.000Z'))).toBe('2026-06-30')
    expect(londonToday(new Date('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30')
    expect(londonToday(new Date('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01')
    expect(londonToday(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31')
    expect(londonToday(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01')
  })
})
