// Channel's Vulnerability Assessment Framework (HM Government, 2012; Channel Duty Guidance 2015 and
// 2020, ADR 0034): 22 factors over three dimensions, engagement with a group, cause or ideology (13),
// intent to cause harm (6) and capability to cause harm (3). The factors are named as the framework
// names them. A panel reassesses them over time, and the change between assessments is what shows
// whether support is working, so each assessment records every factor, "not known" included.

import { ValidationError } from '../../../shared/errors.ts'
import { isCalendarDate } from './calendar.ts'

export const VAF_DIMENSIONS = ['engagement', 'intent', 'capability'] as const
export type VafDimension = (typeof VAF_DIMENSIONS)[number]

export const VAF_DIMENSION_LABELS: Record<VafDimension, string> = {
  engagement: 'Engagement with a group, cause or ideology',
  intent: 'Intent to cause harm',
  capability: 'Capability to cause harm',
}

export interface VafFactor {
  id: string
  dimension: VafDimension
  /** The factor's number within its dimension, as the framework lists them. */
  number: number
  name: string
}

const factors = (dimension: VafDimension, names: readonly [string, string][]): VafFactor[] =>
  names.map(([id, name], i) => ({ id, dimension, number: i + 1, name }))

export const VAF_FACTORS: readonly VafFactor[] = [
  ...factors('engagement', [
    ['grievance-injustice', 'Feelings of grievance and injustice'],
    ['under-threat', 'Feeling under threat'],
    ['identity-meaning-belonging', 'A need for identity, meaning and belonging'],
    ['status', 'A desire for status'],
    ['excitement-adventure', 'A desire for excitement and adventure'],
    ['dominate-control', 'A need to dominate and control others'],
    ['indoctrination', 'Susceptibility to indoctrination'],
    ['political-moral-change', 'A desire for political or moral change'],
    ['opportunistic', 'Opportunistic involvement'],
    ['family-friends', 'Family or friends involvement in extremism'],
    ['transitional-time', 'Being at a transitional time of life'],
    ['group-influence', 'Being influenced or controlled by a group'],
    ['mental-health', 'Relevant mental health issues'],
  ]),
  ...factors('intent', [
    ['over-identification', 'Over-identification with a group or ideology'],
    ['them-and-us', '‘Them and Us’ thinking'],
    ['dehumanisation', 'Dehumanisation of the enemy'],
    ['justify-offending', 'Attitudes that justify offending'],
    ['harmful-means', 'Harmful means to an end'],
    ['harmful-objectives', 'Harmful objectives'],
  ]),
  ...factors('capability', [
    ['knowledge-skills', 'Individual knowledge, skills and competencies'],
    ['networks-funding-equipment', 'Access to networks, funding or equipment'],
    ['criminal-capability', 'Criminal capability'],
  ]),
]

export const VAF_STATUSES = ['present', 'not-present', 'not-known'] as const
export type VafStatus = (typeof VAF_STATUSES)[number]

export const VAF_STATUS_LABELS: Record<VafStatus, string> = {
  present: 'Present',
  'not-present': 'Not present',
  'not-known': 'Not known',
}

/** A note is a line or two: the evidence belongs in the case record, not in the chart. */
export const VAF_NOTE_MAX = 500

export interface VafRating {
  status: VafStatus
  note?: string
}

export interface VafAssessment {
  assessedOn: string
  /** Every one of the 22 factors, by id. */
  ratings: Readonly<Record<string, VafRating>>
}

/** Checks an assessment: all 22 factors rated, no others, a short note at most. */
export function validateVafAssessment(assessment: VafAssessment): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(assessment.assessedOn)) problems.assessedOn = 'Enter the assessment date as YYYY-MM-DD'
  const known = new Set(VAF_FACTORS.map((f) => f.id))
  for (const id of Object.keys(assessment.ratings))
    if (!known.has(id)) problems[`ratings.${id}`] = 'Not a factor of the Vulnerability Assessment Framework'
  for (const factor of VAF_FACTORS) {
    const rating = assessment.ratings[factor.id]
    const field = `ratings.${factor.id}`
    if (!rating || !(VAF_STATUSES as readonly string[]).includes(rating.status))
      problems[field] = `${factor.name}: choose present, not present or not known`
    else if (rating.note !== undefined && rating.note.length > VAF_NOTE_MAX)
      problems[field] = `${factor.name}: keep the note to ${VAF_NOTE_MAX} characters`
  }
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

export type VafCounts = Record<VafStatus, number>

/** Per dimension, how many factors are present, not present and not known. */
export function vafCounts(assessment: VafAssessment): Record<VafDimension, VafCounts> {
  validateVafAssessment(assessment)
  const counts = Object.fromEntries(
    VAF_DIMENSIONS.map((d) => [d, { present: 0, 'not-present': 0, 'not-known': 0 }]),
  ) as Record<VafDimension, VafCounts>
  for (const factor of VAF_FACTORS) {
    const status = (assessment.ratings[factor.id] as VafRating).status
    counts[factor.dimension][status] += 1
  }
  return counts
}

/** How a factor moved: newly present, no longer present, or otherwise (not known to known, unchanged). */
export type VafMovement = 'now-present' | 'no-longer-present' | 'now-known' | 'now-not-known' | 'unchanged'

export interface VafFactorChange {
  factor: VafFactor
  from: VafStatus
  to: VafStatus
  movement: VafMovement
}

export interface VafChange {
  from: string
  to: string
  /** Per dimension: factors present then and now, and the difference (below 0 is fewer). */
  dimensions: Record<VafDimension, { before: number; after: number; change: number }>
  /** Only the factors whose status changed, in the framework's order. */
  factors: VafFactorChange[]
}

function movement(from: VafStatus, to: VafStatus): VafMovement {
  if (from === to) return 'unchanged'
  if (to === 'present') return 'now-present'
  if (from === 'present') return 'no-longer-present'
  return to === 'not-known' ? 'now-not-known' : 'now-known'
}

/** What changed from one assessment to a later one, for the change chart. */
export function vafChange(before: VafAssessment, after: VafAssessment): VafChange {
  const a = vafCounts(before)
  const b = vafCounts(after)
  if (after.assessedOn < before.assessedOn)
    throw new ValidationError({ assessedOn: 'Compare an assessment with a later one' })
  const dimensions = Object.fromEntries(
    VAF_DIMENSIONS.map((d) => [
      d,
      { before: a[d].present, after: b[d].present, change: b[d].present - a[d].present },
    ]),
  ) as VafChange['dimensions']
  const changes = VAF_FACTORS.map((factor) => {
    const from = (before.ratings[factor.id] as VafRating).status
    const to = (after.ratings[factor.id] as VafRating).status
    return { factor, from, to, movement: movement(from, to) }
  }).filter((c) => c.movement !== 'unchanged')
  return { from: before.assessedOn, to: after.assessedOn, dimensions, factors: changes }
}

/** The chart's series: per assessment in date order, the factors present in each dimension. */
export function vafSeries(
  assessments: readonly VafAssessment[],
): { assessedOn: string; present: Record<VafDimension, number> }[] {
  return [...assessments]
    .sort((x, y) => (x.assessedOn < y.assessedOn ? -1 : x.assessedOn > y.assessedOn ? 1 : 0))
    .map((assessment) => {
      const counts = vafCounts(assessment)
      return {
        assessedOn: assessment.assessedOn,
        present: {
          engagement: counts.engagement.present,
          intent: counts.intent.present,
          capability: counts.capability.present,
        },
      }
    })
}
