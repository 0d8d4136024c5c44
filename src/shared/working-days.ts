// Working days in England and Wales, for deadlines counted the way councils count them: a call-in
// period of "five working days after publication" skips weekends and bank holidays. The holidays
// are worked out by rule, so no list has to be kept up to date, with the one-off changes made by
// proclamation held apart.

/** A date as YYYY-MM-DD. */
export type Day = string

const MS_PER_DAY = 86_400_000

const toTime = (day: Day) => Date.parse(`${day}T00:00:00Z`)
const fromTime = (time: number): Day => new Date(time).toISOString().slice(0, 10)

/** The day `n` calendar days after (or before, when negative) the given one. */
export const addDays = (day: Day, n: number): Day => fromTime(toTime(day) + n * MS_PER_DAY)

/** 0 Sunday … 6 Saturday. */
const weekday = (day: Day) => new Date(toTime(day)).getUTCDay()
const isWeekend = (day: Day) => weekday(day) === 0 || weekday(day) === 6
const ymd = (year: number, month: number, date: number): Day =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`

/** Easter Sunday (the Gregorian computus, as the anonymous algorithm gives it). */
export function easterSunday(year: number): Day {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const date = ((h + l - 7 * m + 114) % 31) + 1
  return ymd(year, month, date)
}

const firstMonday = (year: number, month: number) => {
  const first = ymd(year, month, 1)
  return addDays(first, (8 - weekday(first)) % 7)
}
const lastMonday = (year: number, month: number) => {
  const last = addDays(ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1)
  return addDays(last, -((weekday(last) + 6) % 7))
}

/**
 * Changes made by royal proclamation: a holiday moved (VE Day's 75th anniversary in 2020, the
 * jubilees' long weekends) or an extra one (royal weddings, the State Funeral, the Coronation).
 */
const ONE_OFFS: Readonly<Record<number, { moved?: Record<Day, Day>; extra?: Day[] }>> = {
  2011: { extra: ['2011-04-29'] },
  2012: { moved: { '2012-05-28': '2012-06-04' }, extra: ['2012-06-05'] },
  2020: { moved: { '2020-05-04': '2020-05-08' } },
  2022: { moved: { '2022-05-30': '2022-06-02' }, extra: ['2022-06-03', '2022-09-19'] },
  2023: { extra: ['2023-05-08'] },
}

/** A holiday on a Saturday or Sunday gives the next weekday not already a holiday instead. */
function withSubstitutes(days: Day[], taken: Set<Day>): Day[] {
  for (const day of days) if (!isWeekend(day)) taken.add(day)
  return days.map((day) => {
    if (!isWeekend(day)) return day
    let observed = addDays(day, 1)
    while (isWeekend(observed) || taken.has(observed)) observed = addDays(observed, 1)
    taken.add(observed)
    return observed
  })
}

const cache = new Map<number, ReadonlySet<Day>>()

/** England and Wales bank holidays in a year, as the days they are observed on. */
export function bankHolidays(year: number): ReadonlySet<Day> {
  const known = cache.get(year)
  if (known) return known
  const easter = easterSunday(year)
  const oneOff = ONE_OFFS[year] ?? {}
  const move = (day: Day) => oneOff.moved?.[day] ?? day
  const fixed = [
    addDays(easter, -2),
    addDays(easter, 1),
    move(firstMonday(year, 5)),
    move(lastMonday(year, 5)),
    lastMonday(year, 8),
    ...(oneOff.extra ?? []),
  ]
  const taken = new Set<Day>(fixed)
  const newYear = withSubstitutes([ymd(year, 1, 1)], taken)
  const christmas = withSubstitutes([ymd(year, 12, 25), ymd(year, 12, 26)], taken)
  const all = new Set<Day>([...fixed, ...newYear, ...christmas])
  cache.set(year, all)
  return all
}

export const isBankHoliday = (day: Day) => bankHolidays(Number(day.slice(0, 4))).has(day)

export const isWorkingDay = (day: Day) => !isWeekend(day) && !isBankHoliday(day)

/** The working day `n` working days after `day` (the day itself not counted); `n` of 0 is the day. */
export function addWorkingDays(day: Day, n: number): Day {
  let current = day
  for (let left = n; left > 0; ) {
    current = addDays(current, 1)
    if (isWorkingDay(current)) left -= 1
  }
  return current
}

/** The first working day after `day`. */
export const nextWorkingDay = (day: Day): Day => addWorkingDays(day, 1)

/**
 * Clear days between two dates: the whole days between them, leaving out both the first (the
 * day notice is given) and the last (the day of the meeting). Below zero when `to` is not after `from`.
 */
export const clearDaysBetween = (from: Day, to: Day): number =>
  Math.round((toTime(to) - toTime(from)) / MS_PER_DAY) - 1
