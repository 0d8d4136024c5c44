import { describe, expect, it } from 'vitest'
import { ageOn, channelSteps, consentProblem, standingConsent, supportProblem } from './consent-policy.ts'

describe('Channel consent', () => {
  it('counts age in whole years, turning 18 on the birthday itself', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17)
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18)
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })

  it('asks a child’s parent or guardian, and an adult themselves, deciding on the day of the 18th birthday', () => {
    const child = { decision: 'given' as const, decidedOn: '2026-06-14' }
    expect(consentProblem({ ...child, givenBy: 'person' }, '2008-06-15')).toEqual({
      givenBy: 'For a child under 18, record the parent’s or guardian’s decision',
    })
    expect(consentProblem({ ...child, givenBy: 'parent-guardian' }, '2008-06-15')).toBeNull()
    const adult = { decision: 'refused' as const, decidedOn: '2026-06-15' }
    expect(consentProblem({ ...adult, givenBy: 'person' }, '2008-06-15')).toBeNull()
    expect(consentProblem({ ...adult, givenBy: 'parent-guardian' }, '2008-06-15')).toEqual({
      givenBy: 'For an adult, record the person’s own decision',
    })
  })

  it('lets the latest decision stand, the later recorded on the same day', () => {
    const records = [
      { id: 1, decision: 'given' as const, givenBy: 'person' as const, decidedOn: '2026-03-01' },
      { id: 3, decision: 'given' as const, givenBy: 'person' as const, decidedOn: '2026-04-01' },
      { id: 2, decision: 'withdrawn' as const, givenBy: 'person' as const, decidedOn: '2026-04-01' },
    ]
    expect(standingConsent(records)?.id).toBe(3)
    expect(standingConsent(records.slice(0, 1).concat(records[2] ?? []))?.decision).toBe('withdrawn')
    expect(standingConsent([])).toBeNull()
  })

  it('offers support only while consent given stands; closing and referring elsewhere always', () => {
    expect(channelSteps(null)).toEqual(['close', 'refer-elsewhere'])
    expect(channelSteps({ decision: 'refused' })).toEqual(['close', 'refer-elsewhere'])
    expect(channelSteps({ decision: 'withdrawn' })).toEqual(['close', 'refer-elsewhere'])
    expect(channelSteps({ decision: 'given' })).toEqual(['support', 'close', 'refer-elsewhere'])
  })

  it('refuses a support item without consent, or starting the day before it was given', () => {
    expect(supportProblem(null, '2026-05-01')?.form).toMatch(/without consent there is no support package/)
    expect(supportProblem({ decision: 'withdrawn', decidedOn: '2026-04-01' }, '2026-05-01')?.form).toMatch(
      /Close the case or refer the person elsewhere/,
    )
    const given = { decision: 'given' as const, decidedOn: '2026-04-01' }
    expect(supportProblem(given, '2026-03-31')).toEqual({
      startsOn: 'Support cannot start before consent was given',
    })
    expect(supportProblem(given, '2026-04-01')).toBeNull()
  })
})
