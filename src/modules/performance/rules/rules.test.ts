import { describe, expect, it } from 'vitest'
import { poissonComparisonPValue } from '../../../shared/statistics.ts'
import {
  controlChart,
  directionOfTravel,
  financialYearToDate,
  rateAgainstTarget,
  rolling12Months,
  significanceOfChange,
  worseningRun,
} from './rules.ts'

const figure = (value: number, numerator: number | null = null, denominator: number | null = null) => ({
  value,
  numerator,
  denominator,
})

describe('RAG against target', () => {
  it('lower is better, target 100, tolerance 5%: 99 green, 104 amber, 106 red (the worked example)', () => {
    expect(rateAgainstTarget(99, 100, 'down', 5)).toBe('green')
    expect(rateAgainstTarget(100, 100, 'down', 5)).toBe('green')
    expect(rateAgainstTarget(104, 100, 'down', 5)).toBe('amber')
    expect(rateAgainstTarget(105, 100, 'down', 5)).toBe('amber')
    expect(rateAgainstTarget(106, 100, 'down', 5)).toBe('red')
  })

  it('higher is better is the mirror image: 101 green, 96 amber, 94 red', () => {
    expect(rateAgainstTarget(101, 100, 'up', 5)).toBe('green')
    expect(rateAgainstTarget(96, 100, 'up', 5)).toBe('amber')
    expect(rateAgainstTarget(94, 100, 'up', 5)).toBe('red')
  })

  it('no target is "no target"; a monitor-only indicator is "monitor", target or not', () => {
    expect(rateAgainstTarget(50, null, 'up', 5)).toBe('no-target')
    expect(rateAgainstTarget(50, 10, 'none', 5)).toBe('monitor')
  })

  it('a tolerance of 0 leaves no amber', () => {
    expect(rateAgainstTarget(100.5, 100, 'down', 0)).toBe('red')
  })
})

describe('direction of travel', () => {
  it('is worded by polarity: a fall is improving when lower is better, worsening when higher is', () => {
    expect(directionOfTravel(90, 100, 'down')).toBe('improving')
    expect(directionOfTravel(90, 100, 'up')).toBe('worsening')
    expect(directionOfTravel(110, 100, 'up')).toBe('improving')
    expect(directionOfTravel(100, 100, 'down')).toBe('no-change')
  })

  it('is none with nothing to compare, or for a monitor-only indicator', () => {
    expect(directionOfTravel(90, null, 'down')).toBe('none')
    expect(directionOfTravel(90, 100, 'none')).toBe('none')
  })

  it('calls three worsening changes in a row a worsening run, and two not', () => {
    expect(worseningRun([100, 101, 102, 103], 'down')).toBe(true)
    expect(worseningRun([100, 99, 102, 103], 'down')).toBe(false)
    expect(worseningRun([100, null, 102, 103], 'down')).toBe(false)
    expect(worseningRun([103, 102, 101, 100], 'up')).toBe(true)
  })
})

describe('significance', () => {
  it('tests counts with the crime module’s exact test: 120 against 80 is significant, 105 against 100 is not', () => {
    const big = significanceOfChange('count', figure(120), figure(80))
    expect(big).toMatchObject({
      method: 'counts',
      significant: true,
      pValue: poissonComparisonPValue(120, 80),
    })
    // Independent check: the square-root rule of thumb, Z = 2(√a − √b), |Z| ≥ 1.96.
    expect(2 * (Math.sqrt(120) - Math.sqrt(80))).toBeGreaterThan(1.96)
    const small = significanceOfChange('count', figure(105), figure(100))
    expect(small.significant).toBe(false)
    expect(2 * (Math.sqrt(105) - Math.sqrt(100))).toBeLessThan(1.96)
  })

  it('never calls a change significant on fewer than 10 events, however large it looks', () => {
    // 30 against 9 would pass the test (p well under 0.05), but 9 events is a small base.
    expect(poissonComparisonPValue(30, 9)).toBeLessThan(0.05)
    expect(significanceOfChange('count', figure(30), figure(9))).toMatchObject({
      method: 'counts',
      significant: false,
    })
  })

  it('tests percentages with numerator and denominator by two proportions: 89/100 against 76/100', () => {
    const result = significanceOfChange('percent', figure(89, 89, 100), figure(76, 76, 100))
    // Pooled p = 0.825; se = √(0.825 × 0.175 × (1/100 + 1/100)) = 0.05374; z = 0.13 / 0.05374 = 2.419; p = 0.0156.
    expect(result.method).toBe('proportions')
    expect(result.pValue).toBeCloseTo(0.0156, 3)
    expect(result.significant).toBe(true)
    expect(significanceOfChange('percent', figure(50, 5, 10), figure(30, 3, 10)).significant).toBe(false)
  })

  it('does not test what it cannot: a percentage without its base, money, a rate', () => {
    expect(significanceOfChange('percent', figure(89), figure(76))).toMatchObject({
      method: 'not-tested',
      significant: null,
    })
    expect(significanceOfChange('money', figure(10), figure(90)).method).toBe('not-tested')
    expect(significanceOfChange('rate', figure(102), figure(120)).method).toBe('not-tested')
    expect(significanceOfChange('count', figure(10), null).significant).toBeNull()
  })
})

describe('control chart', () => {
  // A baseline alternating 12 and 10: mean 11, every moving range 2, so σ = 2 / 1.128.
  const baseline = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 12 : 10))

  it('works out the mean and 3σ limits over the baseline and flags a point outside them', () => {
    const chart = controlChart([...baseline, 20, 11])
    const sigma = 2 / 1.128
    expect(chart?.mean).toBe(11)
    expect(chart?.upper).toBeCloseTo(11 + 3 * sigma, 10)
    expect(chart?.lower).toBeCloseTo(11 - 3 * sigma, 10)
    expect(chart?.outside).toEqual([...baseline.map(() => false), true, false])
  })

  it('flags a run of 7 on one side of the mean, and not a run of 6', () => {
    const seven = controlChart([...baseline, ...Array(7).fill(13)])
    expect(seven?.inRun).toEqual([...baseline.map(() => false), ...Array(7).fill(true)])
    const six = controlChart([...baseline, ...Array(6).fill(13)])
    expect(six?.inRun.some(Boolean)).toBe(false)
  })

  it('needs a full baseline, and never puts the lower limit below zero', () => {
    expect(controlChart([1, 2, 3])).toBeNull()
    const chart = controlChart([0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9])
    expect(chart?.lower).toBe(0)
  })
})

describe('rolling 12 months and financial year to date', () => {
  const months = (from: number, values: number[]) =>
    values.map((value, i) => {
      const index = from + i
      return { period: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, value }
    })

  it('sums the 12 months to each month once 12 consecutive months are there', () => {
    const series = months(
      2024 * 12,
      Array.from({ length: 13 }, (_, i) => i + 1),
    )
    const rolling = rolling12Months(series)
    expect(rolling.slice(0, 11).every((v) => v === null)).toBe(true)
    expect(rolling[11]).toBe(78)
    expect(rolling[12]).toBe(90)
    // A missing month breaks the window.
    const gap = [...series.slice(0, 5), ...series.slice(6)]
    expect(rolling12Months(gap).every((v) => v === null)).toBe(true)
  })

  it('sums from April to each month, and gives nothing for a year whose April is missing', () => {
    const series = months(2025 * 12 + 2, [5, 1, 2, 3])
    expect(series.map((m) => m.period)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06'])
    expect(financialYearToDate(series)).toEqual([null, 1, 3, 6])
  })
})
