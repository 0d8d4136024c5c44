import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  type AsbComplaint,
  asbClocks,
  asbRepeatFlags,
  asbThreshold,
  DEFAULT_ASB_THRESHOLD,
} from './asb-case-review.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

const APPLIED = '2026-08-31'

describe('the ASB case review threshold', () => {
  const complaint = (reportedOn: string, extra: Partial<AsbComplaint> = {}): AsbComplaint => ({
    reportedOn,
    ...extra,
  })

  it('is met by three qualifying complaints in six months, by default', () => {
    const result = asbThreshold(
      [complaint('2026-02-28'), complaint('2026-05-01'), complaint(APPLIED)],
      APPLIED,
    )
    expect(result).toMatchObject({
      met: true,
      by: ['complaints'],
      windowFrom: '2026-02-28',
      qualifying: 3,
      notQualifying: [],
      reasons: ['3 qualifying complaints since 2026-02-28 (3 or more)'],
    })
  })

  it('is not met by two, nor by a third made a day before the window or after the application', () => {
    const result = asbThreshold(
      [complaint('2026-02-27'), complaint('2026-05-01'), complaint('2026-06-01'), complaint('2026-09-01')],
      APPLIED,
    )
    expect(result).toMatchObject({
      met: false,
      by: [],
      qualifying: 2,
      notQualifying: [
        {
          index: 0,
          reason:
            'Complaint of 2026-02-27: made before 2026-02-28, more than 6 months before the application',
        },
        { index: 3, reason: 'Complaint of 2026-09-01: made after the application' },
      ],
      reasons: ['2 qualifying complaints since 2026-02-28: the threshold is 3'],
    })
  })

  it('takes a complaint made within a month of the behaviour, to the day, and not one made later', () => {
    const result = asbThreshold(
      [
        complaint('2026-04-30', { incidentOn: '2026-03-31' }),
        complaint('2026-05-01', { incidentOn: '2026-03-31' }),
        complaint('2026-06-01'),
        complaint('2026-07-01', { incidentOn: '2026-07-01' }),
      ],
      APPLIED,
    )
    expect(result.qualifying).toBe(3)
    expect(result.notQualifying).toEqual([
      { index: 1, reason: 'Complaint of 2026-05-01: made more than 1 month after the behaviour' },
    ])
    const noLimit = asbThreshold([complaint('2026-05-01', { incidentOn: '2025-01-01' })], APPLIED, {
      withinMonths: 6,
      complaints: 1,
    })
    expect(noLimit.met).toBe(true)
  })

  it('takes a partnership’s own number and the local variants: one hate incident, three households', () => {
    const complaints = [
      complaint('2026-06-01', { household: 'h1', hateIncident: true }),
      complaint('2026-07-01', { household: 'h2' }),
      complaint('2026-08-01', { household: 'h2' }),
      complaint('2026-08-02', { household: 'h3' }),
    ]
    expect(asbThreshold(complaints, APPLIED, { ...DEFAULT_ASB_THRESHOLD, complaints: 5 }).met).toBe(false)
    const variants = asbThreshold(complaints, APPLIED, {
      ...DEFAULT_ASB_THRESHOLD,
      complaints: 5,
      hateIncidents: 1,
      households: 3,
    })
    expect(variants).toMatchObject({
      met: true,
      by: ['hate-incidents', 'households'],
      hateIncidents: 1,
      households: 3,
      reasons: [
        '1 hate incident since 2026-02-28 (1 or more)',
        'Complaints from 3 different households since 2026-02-28 (3 or more)',
      ],
    })
    expect(
      asbThreshold(complaints.slice(1, 3), APPLIED, {
        ...DEFAULT_ASB_THRESHOLD,
        hateIncidents: 1,
        households: 2,
      }).met,
    ).toBe(false)
  })

  it('refuses dates that are not real and rules that are not whole numbers', () => {
    expect(
      fieldErrors(() =>
        asbThreshold(
          [{ reportedOn: '2026-06-31' }, { reportedOn: '2026-06-01', incidentOn: '2026-06-02' }],
          APPLIED,
          {
            withinMonths: 0,
            complaints: 2.5,
          },
        ),
      ),
    ).toEqual({
      'rule.withinMonths': 'Must be a whole number, 1 or more',
      'rule.complaints': 'Must be a whole number, 1 or more',
      'complaints.0.reportedOn': 'Enter a real date as YYYY-MM-DD',
      'complaints.1.incidentOn': 'The behaviour cannot be after the complaint about it',
    })
  })
})

describe('the ASB case review clocks', () => {
  it('counts 10, 15 and 20 working days from receipt, over weekends and Christmas', () => {
    // Received Monday 14 December 2026: the 15th to the 24th are 8 working days; Christmas Day (Friday)
    // and Boxing Day's substitute (Monday 28th) are bank holidays; the 29th and 30th make 10. Then
    // 31 December, New Year's Day a holiday, 4–7 January: 15. 8 and 11–14 January: 20.
    const clocks = asbClocks({ receivedOn: '2026-12-14' }, '2026-12-14')
    expect(clocks).toEqual([
      { clock: 'acknowledge', workingDays: 10, dueOn: '2026-12-30', doneOn: null, state: 'due' },
      { clock: 'decide', workingDays: 15, dueOn: '2027-01-07', doneOn: null, state: 'due' },
      { clock: 'meet', workingDays: 20, dueOn: '2027-01-14', doneOn: null, state: 'due' },
    ])
  })

  it('is met on time on the due day, met late the day after, overdue once the due day has passed', () => {
    const received = '2026-12-14'
    const ack = (acknowledgedOn: string | undefined, asOf: string) =>
      asbClocks({ receivedOn: received, ...(acknowledgedOn ? { acknowledgedOn } : {}) }, asOf)[0]?.state
    expect(ack('2026-12-30', '2026-12-30')).toBe('met-on-time')
    expect(ack('2026-12-31', '2027-01-04')).toBe('met-late')
    expect(ack(undefined, '2026-12-30')).toBe('due')
    expect(ack(undefined, '2026-12-31')).toBe('overdue')
    // Recorded later than the date asked about: not yet done on that date.
    expect(ack('2026-12-31', '2026-12-30')).toBe('due')
  })

  it('takes the partnership’s own days, and counts from a Saturday as from the next working day', () => {
    // Saturday 6 June 2026: Monday 8th is the first working day.
    const clocks = asbClocks({ receivedOn: '2026-06-06' }, '2026-06-06', {
      acknowledge: 1,
      decide: 5,
      meet: 25,
    })
    expect(clocks.map((c) => c.dueOn)).toEqual(['2026-06-08', '2026-06-12', '2026-07-10'])
  })

  it('needs no meeting once the decision is that the threshold is not met', () => {
    // Received Monday 2 March 2026: the decision is due on the 15th working day, Monday 23 March.
    const dates = {
      receivedOn: '2026-03-02',
      acknowledgedOn: '2026-03-03',
      decidedOn: '2026-03-24',
      thresholdMet: false,
    }
    expect(asbClocks(dates, '2026-03-24').map((c) => [c.dueOn, c.state])).toEqual([
      ['2026-03-16', 'met-on-time'],
      ['2026-03-23', 'met-late'],
      ['2026-03-30', 'not-needed'],
    ])
    expect(asbClocks(dates, '2026-03-23').map((c) => c.state)).toEqual(['met-on-time', 'due', 'due'])
  })

  it('refuses a step before receipt, a meeting after a decision against, and days that are not whole', () => {
    expect(
      fieldErrors(() =>
        asbClocks(
          {
            receivedOn: '2026-03-02',
            acknowledgedOn: '2026-03-01',
            thresholdMet: false,
            metOn: '2026-03-30',
          },
          '2026-04-01',
          { acknowledge: 10, decide: 0, meet: 20 },
        ),
      ),
    ).toEqual({
      acknowledgedOn: 'Cannot be before the application was received',
      'days.decide': 'Must be a whole number of working days, 1 or more',
      metOn: 'There is no meeting when the threshold is not met',
    })
  })
})

describe('repeat victims and locations', () => {
  const review = { id: 'r9', applicant: 'a1', location: 'l1', receivedOn: '2026-03-14' }

  it('flags another review for the applicant or the place up to the same date a year before', () => {
    const flags = asbRepeatFlags(review, [
      { id: 'r1', applicant: 'a1', location: 'l2', receivedOn: '2025-03-14' },
      { id: 'r2', applicant: 'a2', location: 'l1', receivedOn: '2026-03-14' },
      { id: 'r3', applicant: 'a1', location: 'l1', receivedOn: '2025-03-13' },
      { id: 'r4', applicant: 'a1', location: 'l1', receivedOn: '2026-03-15' },
      review,
    ])
    expect(flags).toEqual({
      repeatVictim: true,
      repeatLocation: true,
      sameApplicant: ['r1'],
      sameLocation: ['r2'],
    })
  })

  it('is no repeat with nothing before it, and judges 29 February as the MARAC does', () => {
    expect(asbRepeatFlags(review, [])).toEqual({
      repeatVictim: false,
      repeatLocation: false,
      sameApplicant: [],
      sameLocation: [],
    })
    const leap = { id: 'r0', applicant: 'a1', location: 'l9', receivedOn: '2024-02-29' }
    expect(asbRepeatFlags({ ...review, receivedOn: '2025-02-28' }, [leap]).repeatVictim).toBe(true)
    expect(asbRepeatFlags({ ...review, receivedOn: '2025-03-01' }, [leap]).repeatVictim).toBe(false)
  })
})
