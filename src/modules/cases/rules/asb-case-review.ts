// The ASB Case Review, the "Community Trigger" (Anti-social Behaviour, Crime and Policing Act 2014,
// ss.104–105; ADR 0034): whether an application meets the local threshold, the clocks the
// partnership answers it on, and whether the applicant or the place has been here before. Every
// number is the partnership's to set; the defaults are the ones DOMAIN.md gives.

import { ValidationError } from '../../../shared/errors.ts'
import { addWorkingDays } from '../../../shared/working-days.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'

export interface AsbComplaint {
  /** When the complaint was made to the council, the police, a social landlord or another relevant body. */
  reportedOn: string
  /** When the behaviour complained of happened, if known. */
  incidentOn?: string
  /** Who complained, as a household: the key the caller keeps (never a name). */
  household?: string
  /** The complainant perceived the behaviour as motivated by hate. */
  hateIncident?: boolean
}

export interface AsbThresholdRule {
  /** The window before the application in which complaints count. */
  withinMonths: number
  /** Qualifying complaints in the window that meet the threshold. */
  complaints: number
  /** A complaint qualifies only if made within this many months of the behaviour; no limit when unset. */
  reportWithinMonths?: number
  /** A local variant: this many hate incidents in the window meet the threshold on their own. */
  hateIncidents?: number
  /** A local variant: complaints from this many different households in the window meet it. */
  households?: number
}

/** Three complaints in six months, each made within a month of the behaviour; the variants are off. */
export const DEFAULT_ASB_THRESHOLD: AsbThresholdRule = {
  withinMonths: 6,
  complaints: 3,
  reportWithinMonths: 1,
}

export type AsbThresholdRoute = 'complaints' | 'hate-incidents' | 'households'

export interface AsbThresholdResult {
  met: boolean
  /** Each way the threshold is met. */
  by: AsbThresholdRoute[]
  windowFrom: string
  qualifying: number
  hateIncidents: number
  households: number
  /** Each complaint that does not qualify, by its place in the list, and why. */
  notQualifying: { index: number; reason: string }[]
  reasons: string[]
}

const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1)

function checkThreshold(
  complaints: readonly AsbComplaint[],
  appliedOn: string,
  rule: AsbThresholdRule,
): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(appliedOn)) problems.appliedOn = 'Enter the application date as YYYY-MM-DD'
  for (const field of [
    'withinMonths',
    'complaints',
    'reportWithinMonths',
    'hateIncidents',
    'households',
  ] as const)
    if (!positive(rule[field])) problems[`rule.${field}`] = 'Must be a whole number, 1 or more'
  complaints.forEach((c, i) => {
    if (!isCalendarDate(c.reportedOn))
      problems[`complaints.${i}.reportedOn`] = 'Enter a real date as YYYY-MM-DD'
    if (c.incidentOn !== undefined && !isCalendarDate(c.incidentOn))
      problems[`complaints.${i}.incidentOn`] = 'Enter a real date as YYYY-MM-DD'
    else if (c.incidentOn && c.incidentOn > c.reportedOn)
      problems[`complaints.${i}.incidentOn`] = 'The behaviour cannot be after the complaint about it'
  })
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/** Whether the complaints made before an application on `appliedOn` meet the threshold, and how. */
export function asbThreshold(
  complaints: readonly AsbComplaint[],
  appliedOn: string,
  rule: AsbThresholdRule = DEFAULT_ASB_THRESHOLD,
): AsbThresholdResult {
  checkThreshold(complaints, appliedOn, rule)
  const windowFrom = addCalendarMonths(appliedOn, -rule.withinMonths)
  const notQualifying: { index: number; reason: string }[] = []
  const qualifying = complaints.filter((c, index) => {
    const why =
      c.reportedOn > appliedOn
        ? 'made after the application'
        : c.reportedOn < windowFrom
          ? `made before ${windowFrom}, more than ${rule.withinMonths} months before the application`
          : rule.reportWithinMonths !== undefined &&
              c.incidentOn &&
              c.reportedOn > addCalendarMonths(c.incidentOn, rule.reportWithinMonths)
            ? `made more than ${rule.reportWithinMonths} month${rule.reportWithinMonths === 1 ? '' : 's'} after the behaviour`
            : null
    if (why) notQualifying.push({ index, reason: `Complaint of ${c.reportedOn}: ${why}` })
    return why === null
  })
  const hate = qualifying.filter((c) => c.hateIncident).length
  const households = new Set(qualifying.flatMap((c) => (c.household ? [c.household] : []))).size
  const by: AsbThresholdRoute[] = []
  const reasons: string[] = []
  const period = `since ${windowFrom}`
  if (qualifying.length >= rule.complaints) {
    by.push('complaints')
    reasons.push(`${qualifying.length} qualifying complaints ${period} (${rule.complaints} or more)`)
  }
  if (rule.hateIncidents !== undefined && hate >= rule.hateIncidents) {
    by.push('hate-incidents')
    reasons.push(`${hate} hate incident${hate === 1 ? '' : 's'} ${period} (${rule.hateIncidents} or more)`)
  }
  if (rule.households !== undefined && households >= rule.households) {
    by.push('households')
    reasons.push(`Complaints from ${households} different households ${period} (${rule.households} or more)`)
  }
  if (!by.length)
    reasons.push(
      `${qualifying.length} qualifying complaint${qualifying.length === 1 ? '' : 's'} ${period}: the threshold is ${rule.complaints}`,
    )
  return {
    met: by.length > 0,
    by,
    windowFrom,
    qualifying: qualifying.length,
    hateIncidents: hate,
    households,
    notQualifying,
    reasons,
  }
}

export const ASB_CLOCKS = ['acknowledge', 'decide', 'meet'] as const
export type AsbClockName = (typeof ASB_CLOCKS)[number]

export const ASB_CLOCK_LABELS: Record<AsbClockName, string> = {
  acknowledge: 'Acknowledge the application',
  decide: 'Decide whether the threshold is met',
  meet: 'Hold the case review meeting',
}

/** Working days from receipt, each clock counted from the day the application was received. */
export type AsbClockDays = Record<AsbClockName, number>

export const DEFAULT_ASB_CLOCK_DAYS: AsbClockDays = { acknowledge: 10, decide: 15, meet: 20 }

export interface AsbReviewDates {
  receivedOn: string
  acknowledgedOn?: string
  decidedOn?: string
  /** The decision: when the threshold is not met there is no meeting to hold. */
  thresholdMet?: boolean
  metOn?: string
}

export type AsbClockState = 'due' | 'met-on-time' | 'met-late' | 'overdue' | 'not-needed'

export interface AsbClock {
  clock: AsbClockName
  workingDays: number
  dueOn: string
  doneOn: string | null
  state: AsbClockState
}

const DONE_FIELD: Record<AsbClockName, 'acknowledgedOn' | 'decidedOn' | 'metOn'> = {
  acknowledge: 'acknowledgedOn',
  decide: 'decidedOn',
  meet: 'metOn',
}

function checkDates(dates: AsbReviewDates, asOf: string, days: AsbClockDays): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(dates.receivedOn)) problems.receivedOn = 'Enter the date received as YYYY-MM-DD'
  if (!isCalendarDate(asOf)) problems.asOf = 'Enter a real date as YYYY-MM-DD'
  for (const clock of ASB_CLOCKS) {
    if (!(Number.isInteger(days[clock]) && days[clock] >= 1))
      problems[`days.${clock}`] = 'Must be a whole number of working days, 1 or more'
    const field = DONE_FIELD[clock]
    const done = dates[field]
    if (done === undefined) continue
    if (!isCalendarDate(done)) problems[field] = 'Enter a real date as YYYY-MM-DD'
    else if (!problems.receivedOn && done < dates.receivedOn)
      problems[field] = 'Cannot be before the application was received'
  }
  if (dates.thresholdMet === false && dates.metOn !== undefined)
    problems.metOn = 'There is no meeting when the threshold is not met'
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/**
 * Each clock on `asOf`: due until its due date (the last working day of the period, counted from the
 * day after receipt, weekends and England and Wales bank holidays left out), then overdue; once done,
 * met on time (on or before the due date) or met late. Something recorded as done after `asOf` is not
 * yet done on that date, so the clocks can be read as they stood on any day.
 */
export function asbClocks(
  dates: AsbReviewDates,
  asOf: string,
  days: AsbClockDays = DEFAULT_ASB_CLOCK_DAYS,
): AsbClock[] {
  checkDates(dates, asOf, days)
  return ASB_CLOCKS.map((clock) => {
    const dueOn = addWorkingDays(dates.receivedOn, days[clock])
    const recorded = dates[DONE_FIELD[clock]]
    const doneOn = recorded !== undefined && recorded <= asOf ? recorded : null
    const decidedNo =
      clock === 'meet' &&
      dates.thresholdMet === false &&
      dates.decidedOn !== undefined &&
      dates.decidedOn <= asOf
    const state: AsbClockState = decidedNo
      ? 'not-needed'
      : doneOn !== null
        ? doneOn <= dueOn
          ? 'met-on-time'
          : 'met-late'
        : asOf <= dueOn
          ? 'due'
          : 'overdue'
    return { clock, workingDays: days[clock], dueOn, doneOn, state }
  })
}

export interface AsbReviewRef {
  id: string
  /** The applicant and the place, as keys the caller keeps (a blind index, a property reference). */
  applicant: string
  location: string
  receivedOn: string
}

export interface AsbRepeatFlags {
  repeatVictim: boolean
  repeatLocation: boolean
  /** The earlier reviews behind each flag, by id. */
  sameApplicant: string[]
  sameLocation: string[]
}

/**
 * An application is a repeat when another review for the same applicant (repeat victim) or the same
 * location (repeat location) was received in the 12 months before it: up to and including the same
 * calendar date a year after that review (28 February when it was on 29 February), as the MARAC's
 * repeat is judged (ADR 0028). Reviews received after this one do not make it a repeat.
 */
export function asbRepeatFlags(review: AsbReviewRef, others: readonly AsbReviewRef[]): AsbRepeatFlags {
  if (!isCalendarDate(review.receivedOn))
    throw new ValidationError({ receivedOn: 'Enter a real date as YYYY-MM-DD' })
  const within = others.filter(
    (o) =>
      o.id !== review.id &&
      o.receivedOn <= review.receivedOn &&
      review.receivedOn <= addCalendarMonths(o.receivedOn, 12),
  )
  const sameApplicant = within.filter((o) => o.applicant === review.applicant).map((o) => o.id)
  const sameLocation = within.filter((o) => o.location === review.location).map((o) => o.id)
  return {
    repeatVictim: sameApplicant.length > 0,
    repeatLocation: sameLocation.length > 0,
    sameApplicant,
    sameLocation,
  }
}
