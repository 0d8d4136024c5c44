// Transition from youth to adult services (seed 000: "transitional arrangements for those moving from
// young person to adult services"; ADR 0034). A young person on the youth panel is flagged a set
// lead before their 18th birthday, so the adult services can be brought in while the youth panel
// still holds the case, rather than on the day it no longer may.

import { ValidationError } from '../../../shared/errors.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'

/** Months before the 18th birthday the flag is raised, unless the partnership sets another. */
export const DEFAULT_TRANSITION_LEAD_MONTHS = 6
/** A lead longer than two years would flag children long before any transition work could start. */
export const MAX_TRANSITION_LEAD_MONTHS = 24

const ADULT_AGE = 18

/**
 * The 18th birthday. Someone born on 29 February turns 18 on 1 March: 18 years on is never a leap
 * year, and in England and Wales a person attains an age at the start of the anniversary of their
 * birth, which for them falls after 28 February is over (the position generally taken in practice).
 */
export function eighteenthBirthday(dateOfBirth: string): string {
  if (dateOfBirth.slice(5) === '02-29')
    return `${String(Number(dateOfBirth.slice(0, 4)) + ADULT_AGE).padStart(4, '0')}-03-01`
  return addCalendarMonths(dateOfBirth, ADULT_AGE * 12)
}

/** Under the lead; flagged for transition; or already 18 and still to be moved on. */
export type TransitionState = 'not-yet' | 'transition-due' | 'adult'

export interface TransitionFlag {
  eighteenthBirthday: string
  /** The day the flag is raised: the lead's months before the birthday (a month's last day if shorter). */
  flagFrom: string
  state: TransitionState
  flagged: boolean
}

function check(dateOfBirth: string, asOf: string, leadMonths: number): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(dateOfBirth)) problems.dateOfBirth = 'Enter the date of birth as YYYY-MM-DD'
  if (!isCalendarDate(asOf)) problems.asOf = 'Enter a real date as YYYY-MM-DD'
  if (!problems.dateOfBirth && !problems.asOf && dateOfBirth > asOf)
    problems.dateOfBirth = 'The date of birth cannot be in the future'
  if (!(Number.isInteger(leadMonths) && leadMonths >= 0 && leadMonths <= MAX_TRANSITION_LEAD_MONTHS))
    problems.leadMonths = `The lead must be a whole number of months from 0 to ${MAX_TRANSITION_LEAD_MONTHS}`
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/** Whether a young person is to be flagged for transition on `asOf`. */
export function transitionFlag(
  dateOfBirth: string,
  asOf: string,
  leadMonths = DEFAULT_TRANSITION_LEAD_MONTHS,
): TransitionFlag {
  check(dateOfBirth, asOf, leadMonths)
  const birthday = eighteenthBirthday(dateOfBirth)
  const flagFrom = addCalendarMonths(birthday, -leadMonths)
  const state: TransitionState = asOf >= birthday ? 'adult' : asOf >= flagFrom ? 'transition-due' : 'not-yet'
  return { eighteenthBirthday: birthday, flagFrom, state, flagged: state !== 'not-yet' }
}

export interface YouthPanelMember {
  subjectId: string
  dateOfBirth: string
}

/** The youth panel's young people flagged on `asOf`, the soonest 18th birthday first, then by subject id. */
export function transitionsDue(
  people: readonly YouthPanelMember[],
  asOf: string,
  leadMonths = DEFAULT_TRANSITION_LEAD_MONTHS,
): (YouthPanelMember & TransitionFlag)[] {
  return people
    .map((p) => ({ ...p, ...transitionFlag(p.dateOfBirth, asOf, leadMonths) }))
    .filter((p) => p.flagged)
    .sort(
      (a, b) =>
        a.eighteenthBirthday.localeCompare(b.eighteenthBirthday) ||
        (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0),
    )
}
