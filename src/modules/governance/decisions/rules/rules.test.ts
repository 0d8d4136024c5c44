import { describe, expect, it } from 'vitest'
import { callInPeriod, isCallInOpen } from './call-in.ts'
import { noticeCheck, shortNoticeMessage } from './notice.ts'
import { decisionStatusOf } from './statuses.ts'

describe('the call-in period', () => {
  it('ends five working days after publication and takes effect the working day after', () => {
    // Seed 001's publication date, had it been subject to call-in.
    const period = callInPeriod(
      { subjectToCallIn: true, publicationDate: '2024-09-13', decisionDate: '2024-09-11' },
      5,
    )
    expect(period).toEqual({ deadline: '2024-09-20', takesEffectOn: '2024-09-23' })
  })

  it('runs over Christmas and New Year without counting the bank holidays', () => {
    const period = callInPeriod(
      { subjectToCallIn: true, publicationDate: '2025-12-22', decisionDate: '2025-12-19' },
      5,
    )
    // 23, 24, 29, 30, 31 December; 1 January is a bank holiday.
    expect(period).toEqual({ deadline: '2025-12-31', takesEffectOn: '2026-01-02' })
  })

  it('follows the partnership’s own number of working days', () => {
    expect(
      callInPeriod({ subjectToCallIn: true, publicationDate: '2024-09-13', decisionDate: '2024-09-11' }, 10)
        .deadline,
    ).toBe('2024-09-27')
  })

  it('has no deadline before publication, and none at all when not subject to call-in', () => {
    expect(
      callInPeriod({ subjectToCallIn: true, publicationDate: null, decisionDate: '2024-09-11' }, 5),
    ).toEqual({
      deadline: null,
      takesEffectOn: null,
    })
    expect(
      callInPeriod({ subjectToCallIn: false, publicationDate: '2024-09-13', decisionDate: '2024-09-11' }, 5),
    ).toEqual({ deadline: null, takesEffectOn: '2024-09-11' })
  })

  it('is open from publication to the deadline, both days included, unless called in', () => {
    const decision = {
      subjectToCallIn: true,
      publicationDate: '2024-09-13',
      callInDeadline: '2024-09-20',
      status: 'approved',
    }
    expect(isCallInOpen(decision, '2024-09-12')).toBe(false)
    expect(isCallInOpen(decision, '2024-09-13')).toBe(true)
    expect(isCallInOpen(decision, '2024-09-20')).toBe(true)
    expect(isCallInOpen(decision, '2024-09-21')).toBe(false)
    expect(isCallInOpen({ ...decision, status: 'called-in' }, '2024-09-16')).toBe(false)
  })
})

describe('key decision notice', () => {
  it('wants 28 clear days: 27 is short, 28 and 29 are enough', () => {
    const check = (decisionDate: string) =>
      noticeCheck({ keyDecision: true, noticeDate: '2026-03-01', decisionDate })
    expect(check('2026-03-29')).toEqual({ clearDays: 27, short: true })
    expect(check('2026-03-30')).toEqual({ clearDays: 28, short: false })
    expect(check('2026-03-31')).toEqual({ clearDays: 29, short: false })
  })

  it('asks nothing of a decision that is not key', () => {
    expect(
      noticeCheck({ keyDecision: false, noticeDate: '2026-03-01', decisionDate: '2026-03-05' }).short,
    ).toBe(false)
  })

  it('says how many days the notice gives', () => {
    expect(shortNoticeMessage(27)).toMatch(
      /28 clear days’ notice and this gives 27: give the general-exception reason/,
    )
  })
})

describe('decision statuses as pages write them', () => {
  it('knows ModernGov’s wording in any case', () => {
    expect(decisionStatusOf('Recommendations Approved')).toBe('recommendations-approved')
    expect(decisionStatusOf('APPROVED')).toBe('approved')
    expect(decisionStatusOf('Called in')).toBe('called-in')
    expect(decisionStatusOf('Agreed')).toBe('approved')
    expect(decisionStatusOf('Pending review')).toBeNull()
  })
})
