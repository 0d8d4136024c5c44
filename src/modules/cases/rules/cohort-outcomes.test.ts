import { describe, expect, it } from 'vitest'
import { type CohortMember, cohortReport, type OutcomeEvent } from './cohort-outcomes.ts'

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
})
