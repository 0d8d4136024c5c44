import { describe, expect, it } from 'vitest'
import { addMonths, comparisonPeriods, monthRange, monthsBetween, periodLabel } from './months.ts'
import { compareCounts, concentration, poissonComparisonPValue, ratePer1000 } from './statistics.ts'

describe('the test for a change in counts', () => {
  it('matches the exact binomial test', () => {
    // 10 against 3: P(X ≥ 10 or X ≤ 3 | n = 13, p = 1/2) = 2 × 378/8192
    expect(poissonComparisonPValue(10, 3)).toBeCloseTo(0.0923, 4)
    expect(poissonComparisonPValue(5, 5)).toBe(1)
    expect(poissonComparisonPValue(0, 0)).toBe(1)
    expect(poissonComparisonPValue(0, 7)).toBeCloseTo(2 / 128, 6)
  })

  it('switches to the normal approximation for large counts, continuously', () => {
    const exact = poissonComparisonPValue(5100, 4900)
    const approx = poissonComparisonPValue(5150, 4950)
    expect(exact).toBeCloseTo(0.0466, 2)
    expect(approx).toBeCloseTo(0.0473, 2)
  })

  it('describes a change with its percentage and significance', () => {
    expect(compareCounts(120, 100)).toMatchObject({ difference: 20, percent: 20, significant: false })
    expect(compareCounts(200, 100)).toMatchObject({ difference: 100, percent: 100, significant: true })
    expect(compareCounts(4, 0)).toMatchObject({ percent: null })
  })

  it('measures concentration over all areas, those with no crime included', () => {
    expect(concentration([50, 10, 10, 10, 10, 10, 0, 0, 0, 0], 0.1)).toEqual({ areas: 1, share: 50 })
    expect(concentration([0, 0], 0.05)).toEqual({ areas: 1, share: 0 })
    expect(ratePer1000(25, 10_000)).toBe(2.5)
    expect(ratePer1000(25, 0)).toBeNull()
  })

  it('keeps rates, percentages and p-values exact: rounding is for display only', () => {
    // 2,419 burglaries among 311,492 residents: 7.7658… per 1,000, never 7.77.
    const rate = ratePer1000(2419, 311_492)
    expect(rate).toBeCloseTo(7.765_849_5, 7)
    expect(rate).not.toBe(7.77)
    const change = compareCounts(1, 3)
    expect(change.percent).toBeCloseTo(-66.666_666_7, 7)
    // 0 against 7: 2/128 = 0.015625, where four decimals would give 0.0156.
    expect(compareCounts(0, 7).pValue).toBeCloseTo(2 / 128, 12)
    expect(concentration([1, 1, 1], 0.05).share).toBeCloseTo(100 / 3, 12)
  })
})

describe('months', () => {
  it('adds, counts and compares months across years', () => {
    expect(addMonths('2024-01', -1)).toBe('2023-12')
    expect(addMonths('2023-11', 14)).toBe('2025-01')
    expect(monthsBetween('2023-03', '2024-02')).toBe(12)
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(comparisonPeriods({ from: '2024-03', to: '2024-06' })).toEqual({
      previous: { from: '2023-11', to: '2024-02' },
      lastYear: { from: '2023-03', to: '2023-06' },
    })
    expect(periodLabel('2024-01', '2024-12')).toBe('January 2024 to December 2024')
  })
})
