// The IOM cohort selection score (ADR 0034): recency, frequency and gravity of a person's offending,
// weighted by the partnership's priorities. The matrix is local (DOMAIN.md), so every number is
// configurable, and the score always comes with its breakdown: a panel must be able to see why
// someone ranks above someone else before it accepts or rejects them.

import { ValidationError } from '../../../shared/errors.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'

/** An offence recorded on the person: its date, the partnership's offence group, the Home Office code if known. */
export interface IomOffence {
  date: string
  group: string
  homeOfficeCode?: string
}

export interface IomOffenceGroup {
  id: string
  label: string
  /** How serious offences in the group are, before local priority. */
  gravity: number
  /** The strategic assessment's priority for the group: every point an offence scores is multiplied by it. */
  priority: number
  /** Neighbourhood crime, the Fixed cohort's offences (robbery, burglary, vehicle crime, theft from the person). */
  neighbourhoodCrime?: boolean
}

/** Points for an offence committed within `months` of the assessment date (the nearest band that holds it). */
export interface IomRecencyBand {
  months: number
  points: number
}

export interface IomScoringMatrix {
  groups: readonly IomOffenceGroup[]
  /** Nearest first; an offence older than the last band scores no recency points. */
  recencyBands: readonly IomRecencyBand[]
  /** Only offences within this many months of the assessment date score at all. */
  windowMonths: number
  /** Points each offence in the window adds for frequency. */
  frequencyPoints: number
  /** The group an offence of a group not in the matrix is scored as (it is flagged in the breakdown). */
  fallbackGroup: string
  /** Gravity set for a Home Office offence code, in place of its group's gravity (as West Midlands weights codes). */
  codeGravity?: Readonly<Record<string, number>>
}

/**
 * The default matrix. Neighbourhood crime, the national Fixed cohort, carries the highest priority,
 * then violence, then drugs and other offending; robbery and violence are the gravest. A year's
 * window in bands of 3, 6 and 12 months.
 */
export const DEFAULT_IOM_MATRIX: IomScoringMatrix = {
  groups: [
    { id: 'robbery', label: 'Robbery', gravity: 4, priority: 3, neighbourhoodCrime: true },
    { id: 'burglary', label: 'Burglary', gravity: 3, priority: 3, neighbourhoodCrime: true },
    { id: 'vehicle-crime', label: 'Vehicle crime', gravity: 2, priority: 3, neighbourhoodCrime: true },
    {
      id: 'theft-from-the-person',
      label: 'Theft from the person',
      gravity: 2,
      priority: 3,
      neighbourhoodCrime: true,
    },
    { id: 'violence', label: 'Violence against the person', gravity: 4, priority: 2 },
    { id: 'drugs', label: 'Drug offences', gravity: 2, priority: 1 },
    { id: 'other', label: 'Other offences', gravity: 1, priority: 1 },
  ],
  recencyBands: [
    { months: 3, points: 3 },
    { months: 6, points: 2 },
    { months: 12, points: 1 },
  ],
  windowMonths: 12,
  frequencyPoints: 1,
  fallbackGroup: 'other',
}

export interface IomOffenceContribution {
  offence: IomOffence
  /** The group it was scored as: its own, or the fallback when its group is not in the matrix. */
  scoredAs: string
  unknownGroup: boolean
  inWindow: boolean
  /** The nearest recency band that holds it (months), or null when older than every band. */
  band: number | null
  recency: number
  frequency: number
  gravity: number
  gravityFrom: 'group' | 'home-office-code'
  priority: number
  /** (recency + frequency + gravity) × priority; 0 outside the window. */
  total: number
}

export interface IomScore {
  asOf: string
  total: number
  /** Each component summed over the offences, already weighted by priority: they add up to the total. */
  components: { recency: number; frequency: number; gravity: number }
  offencesInWindow: number
  /** The date of the latest offence in the window, or null. */
  latestOffence: string | null
  /** Latest first, then in the order given. */
  offences: IomOffenceContribution[]
  notes: string[]
}

const isNonNegative = (n: number) => Number.isFinite(n) && n >= 0
const isWholeMonths = (n: number) => Number.isInteger(n) && n >= 1

/** The matrix's problems by field; an empty object when it is usable. */
export function checkIomMatrix(matrix: IomScoringMatrix): Record<string, string> {
  const problems: Record<string, string> = {}
  const ids = matrix.groups.map((g) => g.id)
  if (!ids.length) problems.groups = 'Give at least one offence group'
  else if (new Set(ids).size !== ids.length) problems.groups = 'Each offence group must appear once'
  else if (matrix.groups.some((g) => !g.id.trim() || !g.label.trim()))
    problems.groups = 'Give every offence group an id and a name'
  else if (matrix.groups.some((g) => !isNonNegative(g.gravity) || !isNonNegative(g.priority)))
    problems.groups = 'Gravity and priority must be numbers, 0 or more'
  if (!ids.includes(matrix.fallbackGroup))
    problems.fallbackGroup = `The fallback group "${matrix.fallbackGroup}" is not one of the offence groups`
  const bands = matrix.recencyBands
  if (!bands.length) problems.recencyBands = 'Give at least one recency band'
  else if (
    bands.some((b, i) => !isWholeMonths(b.months) || (i > 0 && b.months <= (bands[i - 1]?.months ?? 0)))
  )
    problems.recencyBands = 'Recency bands must be whole months, nearest first, each longer than the last'
  else if (bands.some((b) => !isNonNegative(b.points)))
    problems.recencyBands = 'Band points must be 0 or more'
  if (!isWholeMonths(matrix.windowMonths))
    problems.windowMonths = 'The window must be a whole number of months'
  if (!isNonNegative(matrix.frequencyPoints)) problems.frequencyPoints = 'Frequency points must be 0 or more'
  const codes = Object.values(matrix.codeGravity ?? {})
  if (codes.some((g) => !isNonNegative(g)))
    problems.codeGravity = 'Gravity by Home Office code must be 0 or more'
  return problems
}

function checkOffences(offences: readonly IomOffence[], asOf: string): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(asOf)) problems.asOf = 'Enter the assessment date as a real date, YYYY-MM-DD'
  offences.forEach((o, i) => {
    if (!isCalendarDate(o.date)) problems[`offences.${i}.date`] = 'Enter a real date as YYYY-MM-DD'
    else if (!problems.asOf && o.date > asOf)
      problems[`offences.${i}.date`] = 'An offence cannot be after the assessment date'
  })
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/** The nearest band holding an offence on `date`: on the boundary day itself it is in the band. */
function bandFor(date: string, asOf: string, bands: readonly IomRecencyBand[]): IomRecencyBand | null {
  return bands.find((b) => date >= addCalendarMonths(asOf, -b.months)) ?? null
}

/** A person's score on `asOf` from their offences, with each component and each offence's part in it. */
export function scoreIomOffending(
  offences: readonly IomOffence[],
  asOf: string,
  matrix: IomScoringMatrix = DEFAULT_IOM_MATRIX,
): IomScore {
  const matrixProblems = checkIomMatrix(matrix)
  if (Object.keys(matrixProblems).length) throw new ValidationError(matrixProblems)
  checkOffences(offences, asOf)
  const windowStart = addCalendarMonths(asOf, -matrix.windowMonths)
  const notes: string[] = []
  const contributions = offences.map((offence): IomOffenceContribution => {
    const known = matrix.groups.find((g) => g.id === offence.group)
    const group = known ?? (matrix.groups.find((g) => g.id === matrix.fallbackGroup) as IomOffenceGroup)
    if (!known)
      notes.push(
        `Offence group "${offence.group}" (${offence.date}) is not in the matrix: scored as ${group.label}`,
      )
    const codeGravity = offence.homeOfficeCode ? matrix.codeGravity?.[offence.homeOfficeCode] : undefined
    const inWindow = offence.date >= windowStart
    const band = bandFor(offence.date, asOf, matrix.recencyBands)
    const weigh = (points: number) => (inWindow ? points * group.priority : 0)
    const recency = weigh(band?.points ?? 0)
    const frequency = weigh(matrix.frequencyPoints)
    const gravity = weigh(codeGravity ?? group.gravity)
    return {
      offence,
      scoredAs: group.id,
      unknownGroup: !known,
      inWindow,
      band: band?.months ?? null,
      recency,
      frequency,
      gravity,
      gravityFrom: codeGravity === undefined ? 'group' : 'home-office-code',
      priority: group.priority,
      total: recency + frequency + gravity,
    }
  })
  const sum = (pick: (c: IomOffenceContribution) => number) => contributions.reduce((s, c) => s + pick(c), 0)
  const components = {
    recency: sum((c) => c.recency),
    frequency: sum((c) => c.frequency),
    gravity: sum((c) => c.gravity),
  }
  const inWindow = contributions.filter((c) => c.inWindow)
  const latest = inWindow.reduce<string | null>(
    (l, c) => (l === null || c.offence.date > l ? c.offence.date : l),
    null,
  )
  return {
    asOf,
    total: components.recency + components.frequency + components.gravity,
    components,
    offencesInWindow: inWindow.length,
    latestOffence: latest,
    // A stable sort keeps offences of one date in the order they were recorded.
    offences: [...contributions].sort((a, b) =>
      a.offence.date < b.offence.date ? 1 : a.offence.date > b.offence.date ? -1 : 0,
    ),
    notes,
  }
}

export interface IomCandidate {
  subjectId: string
  score: IomScore
}

export interface RankedIomCandidate extends IomCandidate {
  rank: number
}

const compareNumber = (a: number, b: number) => (a === b ? 0 : a > b ? -1 : 1)

/**
 * Candidates highest score first. Ties are broken, in turn, by the greater gravity component (the
 * more serious offending), the greater recency component (the more recent), the later latest offence,
 * and finally the subject id in ascending order, so the same candidates always rank alike. Ranks are
 * 1, 2, 3… in that order: no two candidates share one.
 */
export function rankIomCandidates(candidates: readonly IomCandidate[]): RankedIomCandidate[] {
  return [...candidates]
    .sort(
      (a, b) =>
        compareNumber(a.score.total, b.score.total) ||
        compareNumber(a.score.components.gravity, b.score.components.gravity) ||
        compareNumber(a.score.components.recency, b.score.components.recency) ||
        (b.score.latestOffence ?? '').localeCompare(a.score.latestOffence ?? '') ||
        (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }))
}
