// SafeLives collects MARAC data by calendar quarter; the return page opens on the last complete one.

/** The calendar quarter before the one holding `today` (YYYY-MM-DD), as its first and last days. */
export function quarterBefore(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4))
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3)
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1]
  const first = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`
  const lastMonth = q * 3 + 3
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate()
  return { from: first, to: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}` }
}
