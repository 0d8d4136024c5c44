// The partnership's statutory duties, year by year. A partnership year runs April to March, as the
// plan, the strategic assessment and the Police and Crime Commissioner's grant all do: the year
// "2026" is 1 April 2026 to 31 March 2027.

export const DUTIES = [
  'strategic-assessment',
  'plan-revised',
  'public-meeting',
  'plan-sent-to-pcc',
  'sv-needs-assessment',
  'sv-strategy',
] as const
export type Duty = (typeof DUTIES)[number]

export interface DutyDefinition {
  title: string
  basis: string
  /** The usual due date as month and day, within the partnership year. */
  due: { month: number; day: number }
}

// The regulations set yearly duties but no day: these defaults put the assessment before the plan
// it informs is revised, and everything else by the year's end. A partnership sets its own dates.
export const DUTY_DEFINITIONS: Record<Duty, DutyDefinition> = {
  'strategic-assessment': {
    title: 'Strategic assessment done this year',
    basis: 'SI 2007/1830, regulations 5 to 7',
    due: { month: 12, day: 31 },
  },
  'plan-revised': {
    title: 'Partnership plan revised this year',
    basis: 'SI 2007/1830, regulations 10 and 11',
    due: { month: 3, day: 31 },
  },
  'public-meeting': {
    title: 'At least one public meeting held',
    basis: 'SI 2007/1830, regulation 12',
    due: { month: 3, day: 31 },
  },
  'plan-sent-to-pcc': {
    title: 'Partnership plan sent to the Police and Crime Commissioner',
    basis: 'SI 2007/1830, regulation 13A (as amended 2012)',
    due: { month: 3, day: 31 },
  },
  'sv-needs-assessment': {
    title: 'Serious violence strategic needs assessment reviewed',
    basis: 'Police, Crime, Sentencing and Courts Act 2022, Part 2 (Serious Violence Duty)',
    due: { month: 12, day: 31 },
  },
  'sv-strategy': {
    title: 'Serious violence strategy reviewed',
    basis: 'Police, Crime, Sentencing and Courts Act 2022, Part 2 (Serious Violence Duty)',
    due: { month: 3, day: 31 },
  },
}

export const isDuty = (value: unknown): value is Duty =>
  typeof value === 'string' && (DUTIES as readonly string[]).includes(value)

/** The partnership year a day falls in: 2026 for any day from 1 April 2026 to 31 March 2027. */
export function partnershipYearOf(day: string): number {
  const year = Number(day.slice(0, 4))
  return Number(day.slice(5, 7)) >= 4 ? year : year - 1
}

/** The first and last days of a partnership year. */
export const partnershipYearSpan = (year: number) => ({ from: `${year}-04-01`, to: `${year + 1}-03-31` })

/** "2026/27". */
export const partnershipYearText = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`

/** The usual due date of a duty in a partnership year: months from April fall in its first calendar year. */
export function defaultDueDate(duty: Duty, year: number): string {
  const { month, day } = DUTY_DEFINITIONS[duty].due
  const calendarYear = month >= 4 ? year : year + 1
  return `${calendarYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export const DUTY_RAGS = ['green', 'amber', 'red', 'not-due'] as const
export type DutyRag = (typeof DUTY_RAGS)[number]

export const DUTY_RAG_LABELS: Record<DutyRag, string> = {
  green: 'Green: evidenced',
  amber: 'Amber: due soon',
  red: 'Red: overdue',
  'not-due': 'Not yet due',
}

/** How many days before its due date an unevidenced duty turns amber. */
export const AMBER_DAYS = 60

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000

/**
 * A duty's RAG on a London day: green once evidenced, whatever the date; red when its due date has
 * passed without evidence; amber from `amberDays` before the due date to the due date itself;
 * otherwise not yet due.
 */
export function dutyRag(evidenced: boolean, dueDate: string, today: string, amberDays = AMBER_DAYS): DutyRag {
  if (evidenced) return 'green'
  if (today > dueDate) return 'red'
  if (dayNumber(dueDate) - dayNumber(today) <= amberDays) return 'amber'
  return 'not-due'
}
