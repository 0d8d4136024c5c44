// How a plan date reads to a person, wherever it is shown: the plans' pages, the home page and the
// reminder e-mails. The plans module reads and stores them (modules/plans/plan-dates.ts).

/** A plan's start or end as stored: "YYYY-MM", "YYYY-MM-DD", "ongoing" or "tbc"; never a fake date. */
export type PlanDate = string

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "Dec 2018", "5 Dec 2018", "Ongoing", "TBC" — as a person reads it. */
export function formatPlanDate(value: PlanDate | null): string {
  if (!value) return ''
  if (value === 'ongoing') return 'Ongoing'
  if (value === 'tbc') return 'TBC'
  const [y, m, d] = value.split('-')
  const month = MONTHS[Number(m) - 1] ?? ''
  const label = `${month.charAt(0).toUpperCase()}${month.slice(1)} ${y}`
  return d ? `${Number(d)} ${label}` : label
}
