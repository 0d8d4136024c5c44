// The spreadsheet's Progress column carries two things: the plan's own progress text (what the
// partnership wrote in the plan, "Progress (from the plan)") and, after it, the latest progress
// update made in Safer, so a sheet sent round a meeting is current. On the way back in, the
// update's words are recognised and taken off again: updates are made in Safer, never through the
// spreadsheet, and an exported file imported again must not look like a changed Progress field.

export interface LatestUpdate {
  /** YYYY-MM-DD */
  on: string
  text: string
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2026-03-12" → "12 March 2026" */
export function longDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number)
  return `${d} ${MONTHS[(m as number) - 1] ?? ''} ${y}`
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The words the export adds for the latest update. */
export function latestUpdateText(update: LatestUpdate): string {
  return `Latest progress update, ${longDate(update.on)}: ${squash(update.text)}`
}

/** What the export writes in the Progress column. */
export function progressCell(planProgress: string, update: LatestUpdate | null | undefined): string {
  if (!update) return planProgress
  return planProgress.trim()
    ? `${planProgress.trim()}\n\n${latestUpdateText(update)}`
    : latestUpdateText(update)
}

const MARKER = new RegExp(
  `(?:^|\\s)Latest progress update, \\d{1,2} (?:${MONTHS.join('|')}) \\d{4}: [\\s\\S]*$`,
)

/**
 * The plan's own progress text in a cell read back from a spreadsheet: the cell without the
 * latest update the export added. Whichever update it was (one added since the export, or words
 * changed in the sheet), it is taken off: progress updates are made in Safer, with their author
 * and date, never through the spreadsheet.
 */
export function planProgressFrom(cell: string): string {
  return cell.replace(MARKER, '').trim()
}
