// The MARAC referral criteria worked out from a SafeLives Dash checklist (ADR 0028). Pure rules: the
// case module stores the answers and the result, and says where the dates and counts come from.

import { ValidationError } from '../../../shared/errors.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'
import { DASH_CHECKLIST_VERSION, DASH_QUESTION_COUNT } from './dash-questions.ts'

export const DASH_ANSWERS = ['yes', 'no', 'not-known'] as const
export type DashAnswer = (typeof DASH_ANSWERS)[number]

export type DashBand = 'standard' | 'medium' | 'high'

export const DASH_BAND_LABELS: Record<DashBand, string> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High',
}

/** SafeLives' thresholds: 14 or more "yes" is visible high risk. */
export const HIGH_RISK_YES = 14
const MEDIUM_RISK_YES = 10
/** Incidents in the last 12 months that make potential escalation, unless the partnership sets another. */
export const DEFAULT_ESCALATION_INCIDENTS = 3
/** A new referral this soon after the victim's last MARAC referral is a repeat. */
const REPEAT_WITHIN_MONTHS = 12

export interface DashInput {
  answers: readonly DashAnswer[]
  /** Incidents known in the 12 months before the referral, from any agency. */
  incidentsLast12Months?: number
  /** The partnership's potential-escalation threshold; DEFAULT_ESCALATION_INCIDENTS if unset. */
  escalationIncidents?: number
  /** The date of the victim's last MARAC referral, if they have had one (YYYY-MM-DD). */
  lastMaracReferral?: string
  /** The date of this referral (YYYY-MM-DD); needed to judge a repeat. */
  referralDate?: string
  /** The referrer's judgement, with the reason for it. It can raise the result to refer, never lower it. */
  professionalJudgement?: { reason: string; refer?: boolean }
}

export interface DashResult {
  yes: number
  band: DashBand
  visibleHighRisk: boolean
  potentialEscalation: boolean
  repeatMarac: boolean
  professionalJudgement: boolean
  referToMarac: boolean
  reasons: string[]
}

/**
 * No "yes" at all is standard: the bands are SafeLives' 1–9, 10–13 and 14+, and a checklist with
 * nothing answered "yes" cannot be more than the lowest band. The other criteria still apply.
 */
export function dashBand(yes: number): DashBand {
  if (yes >= HIGH_RISK_YES) return 'high'
  if (yes >= MEDIUM_RISK_YES) return 'medium'
  return 'standard'
}

/**
 * Whether a referral on `referralDate` comes within 12 months of the last one: up to and including
 * the same calendar date a year later (28 February when the last was on 29 February). A day later
 * is a new referral.
 */
export function withinTwelveMonths(lastMaracReferral: string, referralDate: string): boolean {
  return referralDate <= addCalendarMonths(lastMaracReferral, REPEAT_WITHIN_MONTHS)
}

function checkInput(input: DashInput): void {
  const problems: Record<string, string> = {}
  if (input.answers.length !== DASH_QUESTION_COUNT)
    problems.answers = `Answer all ${DASH_QUESTION_COUNT} questions of the Dash checklist (yes, no or not known): ${input.answers.length} ${input.answers.length === 1 ? 'was' : 'were'} given`
  else {
    const wrong = input.answers.findIndex((a) => !(DASH_ANSWERS as readonly string[]).includes(a))
    if (wrong >= 0) problems.answers = `Question ${wrong + 1}: answer yes, no or not known`
  }
  const incidents = input.incidentsLast12Months
  if (incidents !== undefined && !(Number.isInteger(incidents) && incidents >= 0))
    problems.incidentsLast12Months = 'The incidents in the last 12 months must be a whole number, 0 or more'
  const threshold = input.escalationIncidents
  if (threshold !== undefined && !(Number.isInteger(threshold) && threshold >= 1))
    problems.escalationIncidents = 'The potential escalation threshold must be a whole number, 1 or more'
  for (const field of ['lastMaracReferral', 'referralDate'] as const) {
    const date = input[field]
    if (date !== undefined && !isCalendarDate(date)) problems[field] = 'Enter a real date as YYYY-MM-DD'
  }
  if (input.lastMaracReferral !== undefined && input.referralDate === undefined)
    problems.referralDate = 'Give the date of this referral to judge whether it is a repeat'
  if (
    input.lastMaracReferral &&
    input.referralDate &&
    !problems.lastMaracReferral &&
    !problems.referralDate &&
    input.referralDate < input.lastMaracReferral
  )
    problems.referralDate = 'The referral date cannot be before the last MARAC referral'
  const judgement = input.professionalJudgement
  if (judgement && !judgement.reason.trim())
    problems.professionalJudgement = 'Give the reason for the professional judgement'
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/**
 * Professional judgement only ever raises. A judgement not to refer is refused while a criterion is
 * met (SafeLives: it must never downgrade a 14+ result; the partnership's own escalation and repeat
 * criteria are held to the same rule). With no criterion met it changes nothing.
 */
function refuseLowering(
  yes: number,
  met: { visibleHighRisk: boolean; potentialEscalation: boolean; repeatMarac: boolean },
): void {
  if (met.visibleHighRisk)
    throw new ValidationError({
      professionalJudgement: `Professional judgement cannot lower a visible high risk result: with ${yes} yes answers (${HIGH_RISK_YES} or more) the case must be referred to MARAC`,
    })
  const criteria = [
    met.potentialEscalation ? 'potential escalation' : null,
    met.repeatMarac ? 'repeat' : null,
  ].filter((c) => c !== null)
  if (criteria.length)
    throw new ValidationError({
      professionalJudgement: `Professional judgement can only raise a result, and this case meets the ${criteria.join(' and ')} ${criteria.length === 1 ? 'criterion' : 'criteria'}: it must be referred to MARAC`,
    })
}

/** The band and the referral criteria, each met criterion with its reason in words. */
export function assessDash(input: DashInput): DashResult {
  checkInput(input)
  const yes = input.answers.filter((a) => a === 'yes').length
  const reasons: string[] = []
  const visibleHighRisk = yes >= HIGH_RISK_YES
  if (visibleHighRisk)
    reasons.push(
      `Visible high risk: ${yes} of ${DASH_QUESTION_COUNT} answers are yes (${HIGH_RISK_YES} or more)`,
    )

  const threshold = input.escalationIncidents ?? DEFAULT_ESCALATION_INCIDENTS
  const incidents = input.incidentsLast12Months
  const potentialEscalation = incidents !== undefined && incidents >= threshold
  if (potentialEscalation)
    reasons.push(`Potential escalation: ${incidents} incidents in the last 12 months (${threshold} or more)`)

  const { lastMaracReferral: last, referralDate } = input
  const repeatMarac =
    last !== undefined && referralDate !== undefined && withinTwelveMonths(last, referralDate)
  if (repeatMarac)
    reasons.push(
      `Repeat: referred on ${referralDate}, within 12 months of the last MARAC referral on ${last} (up to ${addCalendarMonths(last, REPEAT_WITHIN_MONTHS)})`,
    )

  const byCriteria = visibleHighRisk || potentialEscalation || repeatMarac
  const judgement = input.professionalJudgement
  if (judgement?.refer === false) refuseLowering(yes, { visibleHighRisk, potentialEscalation, repeatMarac })
  const professionalJudgement = judgement !== undefined && judgement.refer !== false
  if (professionalJudgement) reasons.push(`Professional judgement: ${judgement.reason.trim()}`)

  return {
    yes,
    band: dashBand(yes),
    visibleHighRisk,
    potentialEscalation,
    repeatMarac,
    professionalJudgement,
    referToMarac: byCriteria || professionalJudgement,
    reasons,
  }
}

export { DASH_CHECKLIST_VERSION }
