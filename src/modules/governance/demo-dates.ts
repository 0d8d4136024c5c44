// Days for the demo's meetings, worked out from the day the demo is loaded.

const DAY = 86_400_000
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
export const addDays = (day: string, days: number) => dayOf(Date.parse(`${day}T00:00:00Z`) + days * DAY)

/** The second Thursday of the month `months` from the month of `day`: boards meet on a set weekday. */
export function secondThursday(day: string, months: number): string {
  const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months
  const first = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1))
  const toThursday = (4 - first.getUTCDay() + 7) % 7
  return dayOf(first.getTime() + (toThursday + 7) * DAY)
}

/** The later of two days. */
export const later = (a: string, b: string) => (a > b ? a : b)
