// IOM cohorts and pathways (ADR 0034), as the 2020/21 IOM refresh sets them out: Fixed (neighbourhood
// crime), Flex (local priorities) and Free (local discretion); selection and de-selection each
// recorded with a reason; five resettlement pathways with a need and a state of progress.

import { ValidationError } from '../../../shared/errors.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'
import { DEFAULT_IOM_MATRIX, type IomOffence, type IomScoringMatrix } from './iom-score.ts'

export const IOM_COHORTS = ['fixed', 'flex', 'free'] as const
export type IomCohort = (typeof IOM_COHORTS)[number]

export const IOM_COHORT_LABELS: Record<IomCohort, string> = {
  fixed: 'Fixed (neighbourhood crime)',
  flex: 'Flex (local priorities)',
  free: 'Free (local discretion)',
}

/** Offending this recent makes a person eligible, unless the partnership sets another period. */
export const DEFAULT_ELIGIBILITY_MONTHS = 12

export interface EligibilityRules {
  /** Only offences within this many months of the date count. */
  withinMonths: number
  /** The offence groups of the Flex cohort's local priorities; every group when unset. */
  flexGroups?: readonly string[]
}

export interface Eligibility {
  eligible: boolean
  reason: string
}

/**
 * Whether a person's recorded offending makes them eligible for a cohort on `asOf`. Fixed needs a
 * neighbourhood crime offence (as the matrix marks the groups); Flex an offence in one of the
 * partnership's priority groups; Free is the partnership's discretion, so always eligible, and the
 * selection reason is what justifies it.
 */
export function cohortEligibility(
  cohort: IomCohort,
  offences: readonly IomOffence[],
  asOf: string,
  rules: EligibilityRules = { withinMonths: DEFAULT_ELIGIBILITY_MONTHS },
  matrix: IomScoringMatrix = DEFAULT_IOM_MATRIX,
): Eligibility {
  if (!isCalendarDate(asOf)) throw new ValidationError({ asOf: 'Enter a real date as YYYY-MM-DD' })
  if (cohort === 'free')
    return { eligible: true, reason: 'Free cohort: selected at the partnership’s discretion' }
  const from = addCalendarMonths(asOf, -rules.withinMonths)
  const recent = offences.filter((o) => o.date >= from && o.date <= asOf)
  const period = `between ${from} and ${asOf}`
  if (cohort === 'fixed') {
    const neighbourhood = new Set(matrix.groups.filter((g) => g.neighbourhoodCrime).map((g) => g.id))
    const found = recent.filter((o) => neighbourhood.has(o.group))
    return found.length
      ? {
          eligible: true,
          reason: `${found.length} neighbourhood crime offence${found.length === 1 ? '' : 's'} ${period}`,
        }
      : {
          eligible: false,
          reason: `No neighbourhood crime offence (robbery, burglary, vehicle crime, theft from the person) ${period}`,
        }
  }
  const priorities = rules.flexGroups
  const found = priorities ? recent.filter((o) => priorities.includes(o.group)) : recent
  return found.length
    ? {
        eligible: true,
        reason: `${found.length} offence${found.length === 1 ? '' : 's'} in the local priorities ${period}`,
      }
    : { eligible: false, reason: `No offence in the local priorities ${period}` }
}

/** Why a person leaves the cohort; `other` needs the reason in words, as every de-selection does. */
export const DESELECTION_REASONS = [
  'risk-reduced',
  'long-custodial-sentence',
  'moved-away',
  'transferred',
  'died',
  'other',
] as const
export type DeselectionReason = (typeof DESELECTION_REASONS)[number]

export const DESELECTION_REASON_LABELS: Record<DeselectionReason, string> = {
  'risk-reduced': 'Risk of reoffending reduced',
  'long-custodial-sentence': 'Long custodial sentence',
  'moved-away': 'Moved out of the area',
  transferred: 'Transferred to another cohort or service',
  died: 'Died',
  other: 'Other',
}

export interface CohortMembership {
  cohort: IomCohort
  selectedOn: string
  selectionReason: string
  deselectedOn?: string
  deselectionReason?: DeselectionReason
  deselectionNote?: string
}

/** Checks a membership as a form would, every problem by field. */
export function validateMembership(membership: CohortMembership): void {
  const problems: Record<string, string> = {}
  if (!(IOM_COHORTS as readonly string[]).includes(membership.cohort))
    problems.cohort = 'Choose the Fixed, Flex or Free cohort'
  if (!isCalendarDate(membership.selectedOn)) problems.selectedOn = 'Enter the selection date as YYYY-MM-DD'
  if (!membership.selectionReason.trim())
    problems.selectionReason = 'Give the reason for selecting this person'
  const { deselectedOn, deselectionReason, deselectionNote } = membership
  const leaving =
    deselectedOn !== undefined || deselectionReason !== undefined || deselectionNote !== undefined
  if (leaving) {
    if (deselectedOn === undefined || !isCalendarDate(deselectedOn))
      problems.deselectedOn = 'Enter the de-selection date as YYYY-MM-DD'
    else if (!problems.selectedOn && deselectedOn < membership.selectedOn)
      problems.deselectedOn = 'De-selection cannot be before selection'
    if (
      deselectionReason === undefined ||
      !(DESELECTION_REASONS as readonly string[]).includes(deselectionReason)
    )
      problems.deselectionReason = 'Choose the reason for de-selection'
    if (!deselectionNote?.trim()) problems.deselectionNote = 'Say in words why this person is de-selected'
  }
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/** In the cohort on `day`: from the selection date up to and including the de-selection date. */
export function isMemberOn(membership: CohortMembership, day: string): boolean {
  return (
    membership.selectedOn <= day && (membership.deselectedOn === undefined || day <= membership.deselectedOn)
  )
}

export const IOM_PATHWAYS = [
  'accommodation',
  'education-training-employment',
  'substance-misuse',
  'attitudes-thinking-behaviour',
  'family',
] as const
export type IomPathway = (typeof IOM_PATHWAYS)[number]

export const IOM_PATHWAY_LABELS: Record<IomPathway, string> = {
  accommodation: 'Accommodation',
  'education-training-employment': 'Education, training and employment',
  'substance-misuse': 'Substance misuse',
  'attitudes-thinking-behaviour': 'Attitudes, thinking and behaviour',
  family: 'Family',
}

export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const
export type NeedLevel = (typeof NEED_LEVELS)[number]

export const PROGRESS_STATES = ['not-started', 'in-progress', 'achieved', 'disengaged'] as const
export type ProgressState = (typeof PROGRESS_STATES)[number]

export interface PathwayNeed {
  pathway: IomPathway
  need: NeedLevel
  /** Not asked where there is no need. */
  progress?: ProgressState
  reviewedOn: string
}

/** A person's pathways: each at most once; progress only where there is a need, and then required. */
export function validatePathways(needs: readonly PathwayNeed[]): void {
  const problems: Record<string, string> = {}
  const seen = new Set<string>()
  needs.forEach((n, i) => {
    const at = (field: string) => `pathways.${i}.${field}`
    if (!(IOM_PATHWAYS as readonly string[]).includes(n.pathway))
      problems[at('pathway')] = 'Choose one of the five pathways'
    else if (seen.has(n.pathway)) problems[at('pathway')] = `${IOM_PATHWAY_LABELS[n.pathway]} is given twice`
    seen.add(n.pathway)
    if (!(NEED_LEVELS as readonly string[]).includes(n.need))
      problems[at('need')] = 'Choose no need, low, medium or high'
    else if (n.need === 'none' && n.progress !== undefined)
      problems[at('progress')] = 'There is no progress to record where there is no need'
    else if (
      n.need !== 'none' &&
      (n.progress === undefined || !(PROGRESS_STATES as readonly string[]).includes(n.progress))
    )
      problems[at('progress')] = 'Choose not started, in progress, achieved or disengaged'
    if (!isCalendarDate(n.reviewedOn)) problems[at('reviewedOn')] = 'Enter the review date as YYYY-MM-DD'
  })
  if (Object.keys(problems).length) throw new ValidationError(problems)
}
