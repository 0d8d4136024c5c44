import { describe, expect, it } from 'vitest'
import {
  AMBER_DAYS,
  DUTIES,
  defaultDueDate,
  dutyRag,
  partnershipYearOf,
  partnershipYearSpan,
  partnershipYearText,
} from './rules.ts'

describe('the partnership year', () => {
  it('runs from 1 April to 31 March', () => {
    expect(partnershipYearOf('2026-03-31')).toBe(2025)
    expect(partnershipYearOf('2026-04-01')).toBe(2026)
    expect(partnershipYearOf('2026-12-31')).toBe(2026)
    expect(partnershipYearOf('2027-01-01')).toBe(2026)
    expect(partnershipYearSpan(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' })
    expect(partnershipYearText(2026)).toBe('2026/27')
    expect(partnershipYearText(2099)).toBe('2099/00')
  })

  it('puts each duty’s usual due date inside its year', () => {
    expect(defaultDueDate('strategic-assessment', 2026)).toBe('2026-12-31')
    expect(defaultDueDate('plan-revised', 2026)).toBe('2027-03-31')
    for (const duty of DUTIES) {
      const due = defaultDueDate(duty, 2026)
      expect(partnershipYearOf(due)).toBe(2026)
    }
  })
})

describe('a duty’s RAG', () => {
  const due = '2027-03-31'

  it('is green once evidenced, even when late or far off', () => {
    expect(dutyRag(true, due, '2027-06-01')).toBe('green')
    expect(dutyRag(true, due, '2026-04-01')).toBe('green')
  })

  it('is red from the day after the due date without evidence', () => {
    expect(dutyRag(false, due, '2027-04-01')).toBe('red')
    expect(dutyRag(false, due, '2027-03-31')).toBe('amber')
  })

  it('is amber from exactly N days before the due date, and not yet due the day before that', () => {
    expect(AMBER_DAYS).toBe(60)
    // 31 March 2027 less 60 days is 30 January 2027.
    expect(dutyRag(false, due, '2027-01-30')).toBe('amber')
    expect(dutyRag(false, due, '2027-01-29')).toBe('not-due')
    expect(dutyRag(false, due, '2027-03-30', 0)).toBe('not-due')
    expect(dutyRag(false, due, '2027-03-31', 0)).toBe('amber')
  })

  it('counts whole days across a change of clocks', () => {
    // British Summer Time starts on 28 March 2027; the count is of calendar days.
    expect(dutyRag(false, '2027-04-02', '2027-03-27', 6)).toBe('amber')
    expect(dutyRag(false, '2027-04-02', '2027-03-26', 6)).toBe('not-due')
  })
})
