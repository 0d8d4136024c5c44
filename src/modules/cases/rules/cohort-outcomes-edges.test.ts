import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import { cohortReport, cohortReportLeavingPanel, type OutcomeEvent } from './cohort-outcomes.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('the cohort report at its edges', () => {
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
