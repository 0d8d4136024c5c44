// The GOV.UK date input sends a day, a month and a year as separate fields; services take YYYY-MM-DD.

export interface DateParts {
  day: string
  month: string
  year: string
}

export type DayResult = { ok: true; value: string } | { ok: false; message: string }

const pad = (n: number) => String(n).padStart(2, '0')

/** The three boxes of a date input, read as one day. All empty is '' (no date). */
export function dayFromParts(parts: Partial<DateParts>, label: string): DayResult {
  const day = (parts.day ?? '').trim()
  const month = (parts.month ?? '').trim()
  const year = (parts.year ?? '').trim()
  if (!day && !month && !year) return { ok: true, value: '' }
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean)
  if (missing.length) return { ok: false, message: `${label} must include ${missing.join(' and ')}` }
  if (![day, month, year].every((p) => /^\d+$/.test(p)) || year.length !== 4) {
    return { ok: false, message: `${label} must be a real date, like 23 11 2026` }
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `${label} must be a real date, like 23 11 2026` }
  }
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` }
}

/** YYYY-MM-DD split into the three boxes. */
export function partsOf(iso: string | null | undefined): DateParts {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-')
  return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year }
}

/** The date input's fields from a form body, by the prefix GOV.UK's macro gives them. */
export function partsFromBody(body: Record<string, string>, prefix: string): DateParts {
  return {
    day: body[`${prefix}-day`] ?? '',
    month: body[`${prefix}-month`] ?? '',
    year: body[`${prefix}-year`] ?? '',
  }
}

/** Items for govukDateInput with the values filled in and the error shown on every box. */
export function dateItems(parts: DateParts, hasError: boolean) {
  const err = hasError ? ' govuk-input--error' : ''
  return [
    { name: 'day', classes: `govuk-input--width-2${err}`, value: parts.day },
    { name: 'month', classes: `govuk-input--width-2${err}`, value: parts.month },
    { name: 'year', classes: `govuk-input--width-4${err}`, value: parts.year },
  ]
}
