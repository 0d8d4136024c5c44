import { describe, expect, it } from 'vitest'
import {
  financialYearOf,
  monthsOf,
  parsePeriod,
  periodLabel,
  periodProblem,
  previousPeriod,
  sameLastYear,
} from './periods.ts'

describe('periods', () => {
  it('reads each frequency’s own way of writing a period', () => {
    expect(parsePeriod('2025-01', 'month')?.text).toBe('2025-01')
    expect(parsePeriod('2025-Q1', 'quarter')?.text).toBe('2025-Q1')
    expect(parsePeriod('2025-26', 'financial-year')?.text).toBe('2025-26')
    expect(parsePeriod('1999-00', 'financial-year')?.text).toBe('1999-00')
    expect(parsePeriod('2025', 'year')?.text).toBe('2025')
  })

  it('refuses a period in the wrong shape for the frequency', () => {
    expect(parsePeriod('2025-13', 'month')).toBeNull()
    expect(parsePeriod('2025-00', 'month')).toBeNull()
    expect(parsePeriod('2025-Q5', 'quarter')).toBeNull()
    expect(parsePeriod('2025-27', 'financial-year')).toBeNull()
    expect(parsePeriod('2025-Q1', 'month')).toBeNull()
    expect(parsePeriod('2025-01', 'year')).toBeNull()
    expect(parsePeriod('2025', 'month')).toBeNull()
    expect(periodProblem('2025-13', 'month')).toBe('"2025-13" is not a month, written like 2025-01')
  })

  it('knows the period before and the same period a year earlier', () => {
    const jan = parsePeriod('2025-01', 'month')
    const q1 = parsePeriod('2025-Q1', 'quarter')
    const fy = parsePeriod('2025-26', 'financial-year')
    if (!jan || !q1 || !fy) throw new Error('periods did not parse')
    expect(previousPeriod(jan).text).toBe('2024-12')
    expect(sameLastYear(jan).text).toBe('2024-01')
    expect(previousPeriod(q1).text).toBe('2024-Q4')
    expect(sameLastYear(q1).text).toBe('2024-Q1')
    expect(previousPeriod(fy).text).toBe('2024-25')
    expect(sameLastYear(fy).text).toBe('2024-25')
  })

  it('lists the months a period covers and says it in words', () => {
    const fy = parsePeriod('2025-26', 'financial-year')
    const q = parsePeriod('2025-Q2', 'quarter')
    if (!fy || !q) throw new Error('periods did not parse')
    expect(monthsOf(fy)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    expect(monthsOf(q)).toEqual(['2025-04', '2025-05', '2025-06'])
    expect(periodLabel(q)).toBe('Q2 2025 (Apr to Jun)')
    expect(financialYearOf('2026-03').text).toBe('2025-26')
    expect(financialYearOf('2026-04').text).toBe('2026-27')
  })
})
