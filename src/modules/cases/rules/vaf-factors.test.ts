import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  VAF_FACTORS,
  type VafAssessment,
  type VafStatus,
  validateVafAssessment,
  vafChange,
  vafCounts,
  vafSeries,
} from './vaf-factors.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

/** Every factor not present, except those named. */
function assessment(assessedOn: string, statuses: Record<string, VafStatus> = {}): VafAssessment {
  return {
    assessedOn,
    ratings: Object.fromEntries(VAF_FACTORS.map((f) => [f.id, { status: statuses[f.id] ?? 'not-present' }])),
  }
}

describe('the Vulnerability Assessment Framework', () => {
  it('has 22 factors: 13 of engagement, 6 of intent and 3 of capability, numbered within each', () => {
    expect(VAF_FACTORS).toHaveLength(22)
    const by = (d: string) => VAF_FACTORS.filter((f) => f.dimension === d)
    expect([by('engagement').length, by('intent').length, by('capability').length]).toEqual([13, 6, 3])
    expect(by('intent').map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(new Set(VAF_FACTORS.map((f) => f.id)).size).toBe(22)
    expect(VAF_FACTORS[0]?.name).toBe('Feelings of grievance and injustice')
    expect(by('intent')[1]?.name).toBe('‘Them and Us’ thinking')
    expect(by('capability').map((f) => f.name)).toEqual([
      'Individual knowledge, skills and competencies',
      'Access to networks, funding or equipment',
      'Criminal capability',
    ])
  })

  it('needs every factor rated, and no note longer than a line or two', () => {
    const { 'mental-health': _dropped, ...rest } = assessment('2026-05-01').ratings
    expect(
      fieldErrors(() =>
        validateVafAssessment({
          assessedOn: '2026-05-32',
          ratings: {
            ...rest,
            status: { status: 'present' },
            'criminal-capability': { status: 'maybe' as VafStatus },
            'harmful-objectives': { status: 'not-known', note: 'x'.repeat(501) },
          },
        }),
      ),
    ).toEqual({
      assessedOn: 'Enter the assessment date as YYYY-MM-DD',
      'ratings.mental-health': 'Relevant mental health issues: choose present, not present or not known',
      'ratings.criminal-capability': 'Criminal capability: choose present, not present or not known',
      'ratings.harmful-objectives': 'Harmful objectives: keep the note to 500 characters',
    })
    const fine = assessment('2026-05-01')
    expect(() =>
      validateVafAssessment({
        ...fine,
        ratings: { ...fine.ratings, 'harmful-objectives': { status: 'present', note: 'x'.repeat(500) } },
      }),
    ).not.toThrow()
    expect(
      fieldErrors(() =>
        validateVafAssessment({ ...fine, ratings: { ...fine.ratings, extra: { status: 'present' } } }),
      ),
    ).toEqual({
      'ratings.extra': 'Not a factor of the Vulnerability Assessment Framework',
    })
  })

  it('counts each dimension’s factors by status', () => {
    const counts = vafCounts(
      assessment('2026-05-01', {
        'grievance-injustice': 'present',
        'under-threat': 'present',
        'mental-health': 'not-known',
        'them-and-us': 'present',
        'criminal-capability': 'not-known',
      }),
    )
    expect(counts).toEqual({
      engagement: { present: 2, 'not-present': 10, 'not-known': 1 },
      intent: { present: 1, 'not-present': 5, 'not-known': 0 },
      capability: { present: 0, 'not-present': 2, 'not-known': 1 },
    })
  })

  it('shows the change between two assessments, dimension by dimension and factor by factor', () => {
    const first = assessment('2026-01-10', {
      'grievance-injustice': 'present',
      'under-threat': 'present',
      'them-and-us': 'present',
      'mental-health': 'not-known',
      'harmful-means': 'not-known',
    })
    const later = assessment('2026-04-10', {
      'grievance-injustice': 'present',
      status: 'present',
      'mental-health': 'not-present',
      'harmful-means': 'present',
      'criminal-capability': 'not-known',
    })
    const change = vafChange(first, later)
    expect(change.dimensions).toEqual({
      engagement: { before: 2, after: 2, change: 0 },
      intent: { before: 1, after: 1, change: 0 },
      capability: { before: 0, after: 0, change: 0 },
    })
    expect(change.factors.map((c) => [c.factor.id, c.from, c.to, c.movement])).toEqual([
      ['under-threat', 'present', 'not-present', 'no-longer-present'],
      ['status', 'not-present', 'present', 'now-present'],
      ['mental-health', 'not-known', 'not-present', 'now-known'],
      ['them-and-us', 'present', 'not-present', 'no-longer-present'],
      ['harmful-means', 'not-known', 'present', 'now-present'],
      ['criminal-capability', 'not-present', 'not-known', 'now-not-known'],
    ])
    expect(vafChange(later, later).factors).toEqual([])
    expect(fieldErrors(() => vafChange(later, first))).toEqual({
      assessedOn: 'Compare an assessment with a later one',
    })
  })

  it('gives the chart a series in date order', () => {
    const series = vafSeries([
      assessment('2026-07-01'),
      assessment('2026-01-01', {
        'grievance-injustice': 'present',
        'them-and-us': 'present',
        'knowledge-skills': 'present',
      }),
      assessment('2026-04-01', { 'grievance-injustice': 'present' }),
    ])
    expect(series).toEqual([
      { assessedOn: '2026-01-01', present: { engagement: 1, intent: 1, capability: 1 } },
      { assessedOn: '2026-04-01', present: { engagement: 1, intent: 0, capability: 0 } },
      { assessedOn: '2026-07-01', present: { engagement: 0, intent: 0, capability: 0 } },
    ])
  })
})
