// When the weekly reminders are due: a day of the week and a time, in London, where the
// partnership works. Pure functions of the time given, so the rule is tested with fixed dates.

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

export interface Schedule {
  /** 0 is Sunday, as Date.getDay() counts. */
  weekday: number
  /** HH:MM, London time. */
  time: string
}

export class ScheduleError extends Error {}

/** Reads REMINDER_SCHEDULE: a day and a time, such as `monday 08:00`, `Mon 8` or `friday 16:30`. */
export function parseSchedule(raw: string): Schedule {
  const match = raw
    .trim()
    .toLowerCase()
    .match(/^([a-z]+)\s+(\d{1,2})(?::(\d{2}))?$/)
  const weekday = match
    ? DAYS.findIndex((d) => match[1] && match[1].length >= 3 && d.startsWith(match[1] as string))
    : -1
  const hour = Number(match?.[2])
  const minute = Number(match?.[3] ?? 0)
  if (!match || weekday < 0 || hour > 23 || minute > 59) {
    throw new ScheduleError(
      `REMINDER_SCHEDULE must be a day and a time, London time, such as "monday 08:00" (got "${raw}")`,
    )
  }
  return { weekday, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` }
}

export const describeSchedule = (s: Schedule) => {
  const day = DAYS[s.weekday] ?? ''
  return `every ${day.charAt(0).toUpperCase()}${day.slice(1)} at ${s.time}, London time`
}

/** The date, time and day of the week on a London clock at that instant. */
export function londonClock(now: Date): { date: string; time: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: DAYS.indexOf(String(parts.weekday).toLowerCase() as (typeof DAYS)[number]),
  }
}

/**
 * The window to send for now, or null. A window is the scheduled day and time (`2026-11-30T08:00`):
 * due from that time to the end of that day in London, so a server down at 08:00 and back by the
 * evening still sends that week's reminders, but one started later in the week waits for the next.
 * A window already sent (`lastWindow`) is never due again.
 */
export function dueWindow(schedule: Schedule, now: Date, lastWindow: string | null): string | null {
  const clock = londonClock(now)
  if (clock.weekday !== schedule.weekday || clock.time < schedule.time) return null
  const window = `${clock.date}T${schedule.time}`
  return window === lastWindow ? null : window
}
