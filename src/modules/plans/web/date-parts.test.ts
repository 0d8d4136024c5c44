import { describe, expect, it } from 'vitest'
import { dateItems, dayFromParts, partsFromBody, partsOf } from './date-parts.ts'

describe('date input parts', () => {
  it('reads a real date, padding day and month', () => {
    expect(dayFromParts({ day: '5', month: '3', year: '2026' }, 'Date')).toEqual({
      ok: true,
      value: '2026-03-05',
    })
    expect(dayFromParts({ day: ' 29 ', month: '02', year: '2024' }, 'Date')).toEqual({
      ok: true,
      value: '2024-02-29',
    })
  })
  it('treats three empty boxes as no date', () => {
    expect(dayFromParts({}, 'Date')).toEqual({ ok: true, value: '' })
  })
  it('says which part is missing, and refuses dates that do not exist', () => {
    expect(dayFromParts({ day: '5', year: '2026' }, 'Date of the update')).toEqual({
      ok: false,
      message: 'Date of the update must include a month',
    })
    expect(dayFromParts({ year: '2026' }, 'Date')).toEqual({
      ok: false,
      message: 'Date must include a day and a month',
    })
    expect(dayFromParts({ day: '30', month: '2', year: '2026' }, 'Date')).toMatchObject({
      ok: false,
      message: 'Date must be a real date, like 23 11 2026',
    })
    expect(dayFromParts({ day: 'x', month: '2', year: '2026' }, 'Date').ok).toBe(false)
    expect(dayFromParts({ day: '1', month: '2', year: '26' }, 'Date').ok).toBe(false)
  })
  it('splits a stored day back into boxes, and reads boxes from a form', () => {
    expect(partsOf('2026-03-05')).toEqual({ day: '5', month: '3', year: '2026' })
    expect(partsOf(null)).toEqual({ day: '', month: '', year: '' })
    expect(
      partsFromBody({ 'updateOn-day': '1', 'updateOn-month': '2', 'updateOn-year': '2026' }, 'updateOn'),
    ).toEqual({ day: '1', month: '2', year: '2026' })
  })
  it('marks every box when the date is wrong', () => {
    expect(
      dateItems({ day: '1', month: '2', year: '2026' }, true).every((i) =>
        i.classes.includes('govuk-input--error'),
      ),
    ).toBe(true)
    expect(dateItems({ day: '1', month: '2', year: '2026' }, false).map((i) => i.value)).toEqual([
      '1',
      '2',
      '2026',
    ])
  })
})
