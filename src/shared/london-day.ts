// Every plan page asks the date, and formatting in a time zone showed in its profile: the formatter is
// made once, and the answer kept for the minute (London's day always turns on a minute).
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
let lastMinute = { minute: Number.NaN, day: '' }

/** Today's date in Europe/London, where the partnership works. */
export function londonToday(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000)
  if (minute !== lastMinute.minute) lastMinute = { minute, day: LONDON_DAY.format(now) }
  return lastMinute.day
}
