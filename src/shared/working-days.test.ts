import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  bankHolidays,
  clearDaysBetween,
  easterSunday,
  isWorkingDay,
  nextWorkingDay,
} from './working-days.ts'

const sorted = (year: number) => [...bankHolidays(year)].sort()

describe('England and Wales bank holidays', () => {
  it('finds Easter Sunday, and Good Friday and Easter Monday about it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2019)).toBe('2019-04-21')
    expect(easterSunday(2038)).toBe('2038-04-25')
    expect(sorted(2024).slice(0, 3)).toEqual(['2024-01-01', '2024-03-29', '2024-04-01'])
  })

  it('gives a usual year its eight holidays', () => {
    expect(sorted(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ])
  })

  it('substitutes the next weekdays when Christmas and Boxing Day fall on a weekend', () => {
    // 2021: Christmas on Saturday, Boxing Day on Sunday: Monday 27 and Tuesday 28.
    expect(sorted(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28'])
    // 2022: Christmas on Sunday, Boxing Day Monday itself, Christmas's substitute Tuesday 27.
    expect(sorted(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27'])
    // 2026: Boxing Day on Saturday: Monday 28.
    expect(sorted(2026).slice(-2)).toEqual(['2026-12-25', '2026-12-28'])
    // New Year's Day on a Saturday (2022) and a Sunday (2023).
    expect(sorted(2022)[0]).toBe('2022-01-03')
    expect(sorted(2023)[0]).toBe('2023-01-02')
  })

  it('holds the one-off changes of 2020, 2022 and 2023', () => {
    // VE Day: the early May holiday moved from Monday 4 to Friday 8 May 2020.
    expect(bankHolidays(2020).has('2020-05-08')).toBe(true)
    expect(bankHolidays(2020).has('2020-05-04')).toBe(false)
    // Platinum Jubilee: spring holiday moved to Thursday 2 June, and Friday 3 June added.
    expect(bankHolidays(2022).has('2022-05-30')).toBe(false)
    expect(bankHolidays(2022).has('2022-06-02')).toBe(true)
    expect(bankHolidays(2022).has('2022-06-03')).toBe(true)
    // The State Funeral of Queen Elizabeth II.
    expect(bankHolidays(2022).has('2022-09-19')).toBe(true)
    expect(sorted(2022)).toHaveLength(10)
    // The Coronation: Monday 8 May 2023, beside the early May holiday on the 1st.
    expect(bankHolidays(2023).has('2023-05-08')).toBe(true)
    expect(bankHolidays(2023).has('2023-05-01')).toBe(true)
  })
})

describe('working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2024-09-13')).toBe(true)
    expect(isWorkingDay('2024-09-14')).toBe(false)
    expect(isWorkingDay('2024-12-25')).toBe(false)
    expect(nextWorkingDay('2024-09-13')).toBe('2024-09-16')
    expect(addWorkingDays('2024-09-13', 0)).toBe('2024-09-13')
  })

  it('counts five working days after a Friday publication to the next Friday', () => {
    expect(addWorkingDays('2024-09-13', 5)).toBe('2024-09-20')
  })

  it('moves the deadline on over a bank holiday', () => {
    // Published Thursday 28 March 2024: Good Friday and Easter Monday do not count.
    expect(addWorkingDays('2024-03-28', 5)).toBe('2024-04-08')
    // Published Friday 20 December 2024: Christmas, Boxing Day and New Year's Day do not count.
    expect(addWorkingDays('2024-12-20', 5)).toBe('2024-12-31')
    expect(addWorkingDays('2024-12-20', 6)).toBe('2025-01-02')
    // Published Wednesday 14 September 2022: the State Funeral on Monday 19th does not count.
    expect(addWorkingDays('2022-09-14', 5)).toBe('2022-09-22')
    // Published Tuesday 2 May 2023: the Coronation on Monday 8th does not count.
    expect(addWorkingDays('2023-05-02', 5)).toBe('2023-05-10')
  })
})

describe('clear days', () => {
  it('leaves out the day of notice and the day of the meeting', () => {
    expect(clearDaysBetween('2026-03-01', '2026-03-29')).toBe(27)
    expect(clearDaysBetween('2026-03-01', '2026-03-30')).toBe(28)
    expect(clearDaysBetween('2026-03-01', '2026-03-31')).toBe(29)
    expect(clearDaysBetween('2026-03-01', '2026-03-02')).toBe(0)
    expect(clearDaysBetween('2026-03-01', '2026-03-01')).toBe(-1)
  })
})
