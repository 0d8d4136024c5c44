// Months as "YYYY-MM" text: police.uk publishes by month, and text sorts and compares correctly.

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Inclusive number of months from one to the other. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm) + 1
}

export function monthRange(from: string, to: string): string[] {
  const n = monthsBetween(from, to)
  return Array.from({ length: Math.max(0, n) }, (_, i) => addMonths(from, i))
}

const LABEL = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const LONG_LABEL = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "Jan 2024" */
export function monthLabel(month: string): string {
  return LABEL.format(new Date(`${month}-01T00:00:00Z`))
}

/** "January 2024" */
export function monthLongLabel(month: string): string {
  return LONG_LABEL.format(new Date(`${month}-01T00:00:00Z`))
}

/** "January 2024 to December 2024", or one month alone. */
export function periodLabel(from: string, to: string): string {
  return from === to ? monthLongLabel(from) : `${monthLongLabel(from)} to ${monthLongLabel(to)}`
}

export interface Period {
  from: string
  to: string
}

/** The period of the same length just before, and the same months a year earlier. */
export function comparisonPeriods(period: Period): { previous: Period; lastYear: Period } {
  const n = monthsBetween(period.from, period.to)
  return {
    previous: { from: addMonths(period.from, -n), to: addMonths(period.from, -1) },
    lastYear: { from: addMonths(period.from, -12), to: addMonths(period.to, -12) },
  }
}
