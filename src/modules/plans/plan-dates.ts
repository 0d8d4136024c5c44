// A plan's start and end as partnerships write them: a month ("Dec-18"), a day, or the
// explicit states Ongoing and TBC. Stored as "YYYY-MM", "YYYY-MM-DD", "ongoing" or "tbc":
// never a fake date.

import { MONTHS, type PlanDate } from '../../shared/plan-dates.ts'

export type { PlanDate }

function fullYear(text: string): number {
  const n = Number(text)
  return text.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n
}

const pad = (n: number) => String(n).padStart(2, '0')

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export type ParsedPlanDate = { ok: true; value: PlanDate | null } | { ok: false; problem: string }

/** Reads a start or end cell. Empty is null; anything unreadable is a problem, never a guess. */
export function parsePlanDate(raw: string): ParsedPlanDate {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return { ok: true, value: null }
  const lower = text.toLowerCase()
  if (lower === 'ongoing') return { ok: true, value: 'ongoing' }
  if (lower === 'tbc' || lower === 'tbd' || lower === 'to be confirmed') return { ok: true, value: 'tbc' }

  let m = lower.match(/^([a-z]{3})[a-z]*[-\s/']?(\d{2}|\d{4})$/)
  if (m?.[1] && m[2] && MONTHS.includes(m[1]))
    return { ok: true, value: `${fullYear(m[2])}-${pad(MONTHS.indexOf(m[1]) + 1)}` }

  m = lower.match(/^(\d{4})-(\d{2})$/)
  if (m?.[1] && m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ok: true, value: `${m[1]}-${m[2]}` }

  m = lower.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (m?.[1] && m[2] && m[3] && validDay(Number(m[1]), Number(m[2]), Number(m[3])))
    return { ok: true, value: lower }

  m = lower.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/)
  if (m?.[1] && m[2] && m[3]) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])]
    if (validDay(y, mo, d)) return { ok: true, value: `${y}-${pad(mo)}-${pad(d)}` }
  }
  return { ok: false, problem: `"${text}" is not a month (like Dec-18), a date, Ongoing or TBC` }
}

/**
 * Written as a day (31/02/2019, 2019-02-31) but not a day the calendar has: worth telling apart
 * from an unreadable cell, so a form can say "not a real date" instead of "not a date".
 */
export function isImpossibleDay(raw: string): boolean {
  const text = raw.trim()
  let m = text.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/)
  if (m?.[1] && m[2] && m[3]) return !validDay(fullYear(m[3]), Number(m[2]), Number(m[1]))
  m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (m?.[1] && m[2] && m[3]) return !validDay(Number(m[1]), Number(m[2]), Number(m[3]))
  return false
}

export const isCalendarDate = (value: PlanDate | null): value is string =>
  !!value && /^\d{4}-\d{2}/.test(value)

/** The first day a start date covers: a month starts on its 1st. */
export function startDay(value: PlanDate): string {
  return value.length === 7 ? `${value}-01` : value
}

/** The last day an end date covers: a month ends on its last day. */
export function endDay(value: PlanDate): string {
  if (value.length !== 7) return value
  const [y, m] = value.split('-').map(Number) as [number, number]
  return `${value}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`
}

/** The spreadsheet form the partnership writes: "Dec-18" for a month, dd/mm/yyyy for a day. */
export function spreadsheetPlanDate(value: PlanDate | null): string {
  if (!value) return ''
  if (value === 'ongoing') return 'Ongoing'
  if (value === 'tbc') return 'TBC'
  const [y, m, d] = value.split('-')
  if (d) return `${d}/${m}/${y}`
  const month = MONTHS[Number(m) - 1] ?? ''
  // Two-digit years read back as 2000-2069, so any other year is written in full.
  const year = Number(y) >= 2000 && Number(y) < 2070 ? y?.slice(2) : y
  return `${month.charAt(0).toUpperCase()}${month.slice(1)}-${year}`
}
