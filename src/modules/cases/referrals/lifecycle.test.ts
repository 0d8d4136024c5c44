import { describe, expect, it } from 'vitest'
import { daysToPanel, moveProblem, nextStatuses } from './lifecycle.ts'

describe('referral lifecycle', () => {
  const on = '2026-03-10'
  it('moves submitted to accepted or declined, accepted to heard, heard to closed', () => {
    expect(nextStatuses('submitted')).toEqual(['accepted', 'declined'])
    expect(moveProblem('submitted', '2026-03-01', { to: 'accepted', on })).toBeNull()
    expect(moveProblem('accepted', '2026-03-01', { to: 'heard', on })).toBeNull()
    expect(moveProblem('heard', '2026-03-01', { to: 'closed', on })).toBeNull()
  })

  it('refuses to skip a step, to go back, or to move on from declined or closed', () => {
    expect(moveProblem('submitted', '2026-03-01', { to: 'heard', on })).toEqual({
      status: 'A submitted referral can only be accepted or declined',
    })
    expect(moveProblem('heard', '2026-03-01', { to: 'accepted', on })?.status).toMatch(/only be closed/)
    expect(moveProblem('declined', '2026-03-01', { to: 'accepted', on })).toEqual({
      status: 'A declined referral cannot be moved on',
    })
    expect(moveProblem('closed', '2026-03-01', { to: 'heard', on })?.status).toMatch(/cannot be moved on/)
  })

  it('needs a reason to decline', () => {
    expect(moveProblem('submitted', '2026-03-01', { to: 'declined', on })).toEqual({
      reason: 'Say why the referral is declined',
    })
    expect(moveProblem('submitted', '2026-03-01', { to: 'declined', reason: '  ', on })).not.toBeNull()
    expect(
      moveProblem('submitted', '2026-03-01', { to: 'declined', reason: 'Not MARAC criteria', on }),
    ).toBeNull()
  })

  it('refuses a move dated before the referral', () => {
    expect(moveProblem('submitted', '2026-03-11', { to: 'accepted', on })).toEqual({
      on: 'The date cannot be before the referral was made',
    })
    expect(moveProblem('submitted', on, { to: 'accepted', on })).toBeNull()
  })

  it('counts the days from referral to panel once heard', () => {
    expect(daysToPanel('2026-03-01', null)).toBeNull()
    expect(daysToPanel('2026-03-01', '2026-03-01')).toBe(0)
    expect(daysToPanel('2026-03-01', '2026-03-29')).toBe(28)
    // Across the clocks going forward in London, still whole days.
    expect(daysToPanel('2026-03-20', '2026-04-03')).toBe(14)
  })
})
