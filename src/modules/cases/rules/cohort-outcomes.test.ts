import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  type CohortMember,
  cohortReport,
  cohortReportLeavingPanel,
  type OutcomeEvent,
} from './cohort-outcomes.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

const PERIOD = { from: '2026-04-01', to: '2027-03-31' }

/**
 * A hand-made cohort: each member with their events and, beside them, what a person counting by
 * hand finds for the period 1 April 2026 to 31 March 2027 (six months from acceptance end by the
 * period's end for those accepted by 30 September 2026; 18 months for those accepted by 30 September 2025).
 */
interface HandCounted {
  member: CohortMember
  events: Omit<OutcomeEvent, 'subjectId'>[]
  inPeriod: boolean
  ete: boolean
  treatment: boolean
  sixMonthsPassed: boolean
  reoffendedIn6m: boolean
  followedUp: boolean
  provenIn12m: number
}

const reoffence = (date: string, provenOn?: string): Omit<OutcomeEvent, 'subjectId'> => ({
  kind: 'proven-reoffence',
  date,
  offenceGroup: 'burglary',
  ...(provenOn ? { provenOn } : {}),
})

const HAND: HandCounted[] = [
  {
    // The December offence is proven after the waiting period ends (10 July 2026): it does not count.
    member: { subjectId: 'm01', acceptedOn: '2025-01-10' },
    events: [
      { kind: 'ete-started', date: '2025-03-01' },
      reoffence('2025-05-01'),
      reoffence('2025-12-01', '2026-08-01'),
    ],
    inPeriod: true,
    ete: true,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: true,
    followedUp: true,
    provenIn12m: 1,
  },
  {
    // 18 months end on 30 March 2027; the offence on the 12-month date counts, the day after does not.
    member: { subjectId: 'm02', acceptedOn: '2025-09-30' },
    events: [
      { kind: 'treatment-started', date: '2025-10-05' },
      reoffence('2026-09-30', '2027-03-30'),
      reoffence('2026-10-01', '2026-12-01'),
    ],
    inPeriod: true,
    ete: false,
    treatment: true,
    sixMonthsPassed: true,
    reoffendedIn6m: false,
    followedUp: true,
    provenIn12m: 1,
  },
  {
    // An offence on the day of acceptance came before it.
    member: { subjectId: 'm03', acceptedOn: '2025-10-01' },
    events: [{ kind: 'ete-sustained', date: '2026-06-01' }, reoffence('2025-10-01')],
    inPeriod: true,
    ete: true,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: false,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    member: { subjectId: 'm04', acceptedOn: '2026-09-30' },
    events: [reoffence('2027-03-30')],
    inPeriod: true,
    ete: false,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: true,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    // ETE after the period's end is not yet known.
    member: { subjectId: 'm05', acceptedOn: '2026-10-01' },
    events: [
      { kind: 'treatment-started', date: '2026-12-01' },
      { kind: 'ete-started', date: '2027-04-02' },
    ],
    inPeriod: true,
    ete: false,
    treatment: true,
    sixMonthsPassed: false,
    reoffendedIn6m: false,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    // Left the day before the period began.
    member: { subjectId: 'm06', acceptedOn: '2024-03-01', deselectedOn: '2026-03-31' },
    events: [{ kind: 'ete-started', date: '2024-04-01' }],
    inPeriod: false,
    ete: false,
    treatment: false,
    sixMonthsPassed: false,
    reoffendedIn6m: false,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    // Left on the period's first day; ETE after leaving is not the cohort's.
    member: { subjectId: 'm07', acceptedOn: '2024-06-15', deselectedOn: '2026-04-01' },
    events: [
      { kind: 'ete-started', date: '2026-05-01' },
      reoffence('2024-07-01', '2024-09-01'),
      reoffence('2025-02-01'),
    ],
    inPeriod: true,
    ete: false,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: true,
    followedUp: true,
    provenIn12m: 2,
  },
  {
    member: { subjectId: 'm08', acceptedOn: '2027-04-01' },
    events: [{ kind: 'ete-started', date: '2027-04-01' }],
    inPeriod: false,
    ete: false,
    treatment: false,
    sixMonthsPassed: false,
    reoffendedIn6m: false,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    // ETE the day before acceptance is not the cohort's; treatment on the day is.
    member: { subjectId: 'm09', acceptedOn: '2026-01-15' },
    events: [
      { kind: 'ete-started', date: '2026-01-14' },
      { kind: 'treatment-started', date: '2026-01-15' },
      reoffence('2026-07-15'),
    ],
    inPeriod: true,
    ete: false,
    treatment: true,
    sixMonthsPassed: true,
    reoffendedIn6m: true,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    member: { subjectId: 'm10', acceptedOn: '2025-03-31' },
    events: [],
    inPeriod: true,
    ete: false,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: false,
    followedUp: true,
    provenIn12m: 0,
  },
  {
    member: { subjectId: 'm11', acceptedOn: '2026-12-31' },
    events: [{ kind: 'accommodation-secured', date: '2027-01-05' }],
    inPeriod: true,
    ete: false,
    treatment: false,
    sixMonthsPassed: false,
    reoffendedIn6m: false,
    followedUp: false,
    provenIn12m: 0,
  },
  {
    // Six months from 31 August end on 28 February; an offence after the period's end is not known.
    member: { subjectId: 'm12', acceptedOn: '2025-08-31' },
    events: [reoffence('2026-02-28', '2026-06-01'), reoffence('2027-04-15')],
    inPeriod: true,
    ete: false,
    treatment: false,
    sixMonthsPassed: true,
    reoffendedIn6m: true,
    followedUp: true,
    provenIn12m: 1,
  },
]

const events: OutcomeEvent[] = [
  ...HAND.flatMap((h) => h.events.map((e) => ({ ...e, subjectId: h.member.subjectId }))),
  { subjectId: 'not-a-member', kind: 'ete-started', date: '2026-05-01' },
]

describe('the cohort report', () => {
  it('equals a direct count over a hand-made cohort', () => {
    const report = cohortReport(
      { name: 'Integrated Offender Management', members: HAND.map((h) => h.member), events },
      PERIOD,
    )
    const count = (pick: (h: HandCounted) => boolean) => HAND.filter(pick).length
    const pct = (n: number, d: number) => (n / d) * 100
    const members = count((h) => h.inPeriod)
    const ete = count((h) => h.inPeriod && h.ete)
    const treatment = count((h) => h.inPeriod && h.treatment)
    const six = count((h) => h.inPeriod && h.sixMonthsPassed)
    const notReoffending = count((h) => h.inPeriod && h.sixMonthsPassed && !h.reoffendedIn6m)
    const followed = HAND.filter((h) => h.inPeriod && h.followedUp)
    const reoffenders = followed.filter((h) => h.provenIn12m > 0).length
    const offences = followed.reduce((s, h) => s + h.provenIn12m, 0)
    expect(report).toEqual({
      cohort: { name: 'Integrated Offender Management', from: PERIOD.from, to: PERIOD.to, members },
      ete: { n: ete, d: members, pct: pct(ete, members) },
      treatment: { n: treatment, d: members, pct: pct(treatment, members) },
      notReoffending6m: { n: notReoffending, d: six, pct: pct(notReoffending, six) },
      provenReoffending12m: {
        n: reoffenders,
        d: followed.length,
        pct: pct(reoffenders, followed.length),
        offences,
        frequency: offences / followed.length,
      },
      suppressed: ['ete', 'treatment', 'notReoffending6m', 'provenReoffending12m'],
    })
    // The hand count itself, so a change to the fixture cannot pass unnoticed.
    expect([members, ete, treatment, six, notReoffending, followed.length, reoffenders, offences]).toEqual([
      10, 2, 3, 8, 3, 5, 4, 5,
    ])
  })

  it('counts a member accepted exactly six months before the period ends, and not a day later', () => {
    const report = (acceptedOn: string, to: string) =>
      cohortReport(
        { name: 'c', members: [{ subjectId: 'a', acceptedOn }], events: [] },
        { from: '2020-01-01', to },
      ).notReoffending6m.d
    expect(report('2026-01-31', '2026-07-31')).toBe(1)
    expect(report('2026-01-31', '2026-07-30')).toBe(0)
    // Calendar months, clamped at the month's end.
    expect(report('2025-08-31', '2026-02-28')).toBe(1)
    expect(report('2025-08-31', '2026-02-27')).toBe(0)
    expect(report('2023-08-31', '2024-02-29')).toBe(1)
    expect(report('2023-08-31', '2024-02-28')).toBe(0)
    expect(report('2026-03-31', '2026-09-30')).toBe(1)
  })

  it('counts a reoffence on the six-month date, not the day after', () => {
    const notReoffending = (date: string) =>
      cohortReport(
        {
          name: 'c',
          members: [{ subjectId: 'a', acceptedOn: '2025-08-31' }],
          events: [{ subjectId: 'a', kind: 'proven-reoffence', date, offenceGroup: 'robbery' }],
        },
        { from: '2026-01-01', to: '2026-12-31' },
      ).notReoffending6m
    expect(notReoffending('2026-02-28')).toEqual({ n: 0, d: 1, pct: 0 })
    expect(notReoffending('2026-03-01')).toEqual({ n: 1, d: 1, pct: 100 })
  })

  it('waits the 12-month follow-up and the 6-month waiting period before counting a member', () => {
    const followed = (to: string, provenOn: string) =>
      cohortReport(
        {
          name: 'c',
          members: [{ subjectId: 'a', acceptedOn: '2024-08-31' }],
          events: [
            { subjectId: 'a', kind: 'proven-reoffence', date: '2025-08-31', offenceGroup: 'drugs', provenOn },
          ],
        },
        { from: '2026-01-01', to },
      ).provenReoffending12m
    expect(followed('2026-02-27', '2026-01-01')).toEqual({
      n: 0,
      d: 0,
      pct: null,
      offences: 0,
      frequency: null,
    })
    expect(followed('2026-02-28', '2026-02-28')).toEqual({ n: 1, d: 1, pct: 100, offences: 1, frequency: 1 })
    // Proven after the waiting period: not a proven reoffence by the MoJ's measure.
    expect(followed('2026-12-31', '2026-03-01')).toEqual({ n: 0, d: 1, pct: 0, offences: 0, frequency: 0 })
  })

  it('gives offences per offender as the frequency rate', () => {
    const members = ['a', 'b', 'c', 'd', 'e', 'f'].map((subjectId) => ({
      subjectId,
      acceptedOn: '2024-01-01',
    }))
    const offence = (subjectId: string, date: string): OutcomeEvent => ({
      subjectId,
      kind: 'proven-reoffence',
      date,
      offenceGroup: 'other',
    })
    const r = cohortReport(
      {
        name: 'c',
        members,
        events: [offence('a', '2024-02-01'), offence('a', '2024-03-01'), offence('b', '2024-12-31')],
      },
      { from: '2025-07-01', to: '2025-07-31' },
    ).provenReoffending12m
    expect(r).toEqual({ n: 2, d: 6, pct: (2 / 6) * 100, offences: 3, frequency: 0.5 })
  })
})

describe('suppression of the cohort report', () => {
  const cohort = (engaged: number) => ({
    name: 'c',
    members: ['a', 'b', 'c', 'd', 'e'].map((subjectId) => ({ subjectId, acceptedOn: '2026-05-01' })),
    events: ['a', 'b', 'c', 'd', 'e']
      .slice(0, engaged)
      .map((subjectId): OutcomeEvent => ({ subjectId, kind: 'ete-started', date: '2026-05-02' })),
  })
  const period = { from: '2026-06-01', to: '2026-06-30' }

  it('names a measure with a count of 4 and not one of 5', () => {
    const four = cohortReport(cohort(4), period)
    const five = cohortReport(cohort(5), period)
    expect(four.ete).toEqual({ n: 4, d: 5, pct: 80 })
    expect(four.suppressed).toEqual(['ete'])
    expect(five.ete).toEqual({ n: 5, d: 5, pct: 100 })
    expect(five.suppressed).toEqual([])
    // Nobody starting treatment (0 of 5) and nobody yet six months on (0 of 0) identify nobody.
    expect(five.treatment).toEqual({ n: 0, d: 5, pct: 0 })
    expect(five.notReoffending6m).toEqual({ n: 0, d: 0, pct: null })
  })

  it('shows "<5" for the count of 4 when the report leaves the panel, and 5 as it is', () => {
    expect(cohortReportLeavingPanel(cohortReport(cohort(4), period)).ete).toEqual({
      n: '<5',
      d: 5,
      pct: 'suppressed',
    })
    expect(cohortReportLeavingPanel(cohortReport(cohort(5), period))).toEqual({
      cohort: { name: 'c', from: period.from, to: period.to, members: 5 },
      ete: { n: 5, d: 5, pct: 100 },
      treatment: { n: 0, d: 5, pct: 0 },
      notReoffending6m: { n: 0, d: 0, pct: null },
      provenReoffending12m: { n: 0, d: 0, pct: null, offences: 0, frequency: null },
      suppressed: [],
    })
  })

  it('names the reoffending measure for a small count of offences, and hides the cohort size under 5', () => {
    const report = cohortReport(
      {
        name: 'c',
        members: ['a', 'b', 'c'].map((subjectId) => ({ subjectId, acceptedOn: '2024-01-01' })),
        events: [{ subjectId: 'a', kind: 'proven-reoffence', date: '2024-02-01', offenceGroup: 'other' }],
      },
      { from: '2025-07-01', to: '2025-12-31' },
    )
    expect(report.suppressed).toEqual(['ete', 'treatment', 'notReoffending6m', 'provenReoffending12m'])
    const shown = cohortReportLeavingPanel(report)
    expect(shown.cohort.members).toBe('<5')
    expect(shown.provenReoffending12m).toEqual({
      n: '<5',
      d: '<5',
      pct: 'suppressed',
      offences: '<5',
      frequency: 'suppressed',
    })
  })
})

describe('the report’s input', () => {
  it('is refused with every problem by field', () => {
    expect(
      fieldErrors(() =>
        cohortReport(
          {
            name: 'c',
            members: [
              { subjectId: 'a', acceptedOn: '2026-02-30' },
              { subjectId: 'a', acceptedOn: '2026-02-01', deselectedOn: '2026-01-31' },
            ],
            events: [{ subjectId: 'a', kind: 'proven-reoffence', date: '2026-03-01' }],
          },
          { from: '2026-12-01', to: '2026-11-30' },
        ),
      ),
    ).toEqual({
      to: 'The period cannot end before it starts',
      'members.0.acceptedOn': 'Enter a real date as YYYY-MM-DD',
      'members.1.subjectId': 'Each person may be in the cohort once',
      'members.1.deselectedOn': 'De-selection cannot be before acceptance',
      'events.0.offenceGroup': 'Give the offence group of a proven reoffence',
    })
  })
})
