// Months as "YYYY-MM" text, for the briefing's periods.

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const LONG = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "March 2025" */
export const monthText = (month: string) => LONG.format(new Date(`${month}-01T00:00:00Z`))

/** "January 2025 to March 2025", or one month alone. */
export const periodText = (from: string, to: string) =>
  from === to ? monthText(from) : `${monthText(from)} to ${monthText(to)}`
