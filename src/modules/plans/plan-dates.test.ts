import { describe, expect, it } from 'vitest'
import { formatPlanDate } from '../../shared/plan-dates.ts'
import { endDay, parsePlanDate, spreadsheetPlanDate, startDay } from './plan-dates.ts'

describe('plan dates', () => {
  it('reads months, days and the explicit states, never inventing a day', () => {
    const cases: Array<[string, string | null]> = [
      ['Dec-18', '2018-12'],
      ['dec 2018', '2018-12'],
      ['December 2018', '2018-12'],
      ['2019-03', '2019-03'],
      ['05/12/2018', '2018-12-05'],
      ['2018-12-05', '2018-12-05'],
      ['Ongoing', 'ongoing'],
      ['TBC', 'tbc'],
      ['', null],
    ]
    for (const [text, value] of cases) expect(parsePlanDate(text), text).toEqual({ ok: true, value })
  })

  it('refuses what is not a date, saying what it expected', () => {
    for (const text of ['Spring 2019', '31/02/2019', '2019-13', 'soon']) {
      expect(parsePlanDate(text), text).toEqual({
        ok: false,
        problem: expect.stringContaining('is not a month (like Dec-18)'),
      })
    }
  })

  it('covers a whole month: a start on its first day, an end on its last', () => {
    expect(startDay('2019-02')).toBe('2019-02-01')
    expect(endDay('2019-02')).toBe('2019-02-28')
    expect(endDay('2020-02')).toBe('2020-02-29')
  })

  it('writes dates back as partnerships do, in full where two digits would be misread', () => {
    expect(spreadsheetPlanDate('2018-12')).toBe('Dec-18')
    expect(spreadsheetPlanDate('2070-01')).toBe('Jan-2070')
    expect(parsePlanDate(spreadsheetPlanDate('2070-01'))).toEqual({ ok: true, value: '2070-01' })
    expect(spreadsheetPlanDate('2018-12-05')).toBe('05/12/2018')
    expect(formatPlanDate('2018-12')).toBe('Dec 2018')
    expect(formatPlanDate('tbc')).toBe('TBC')
  })
})
