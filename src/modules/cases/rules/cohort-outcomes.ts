// A cohort's outcome measures (ADR 0034), computed from its members and their outcome events and
// never typed in: the four figures seed 002 reports for IOM (engaged in ETE, starting structured
// treatment, not reoffending within 6 months of acceptance) and the Ministry of Justice's proven
// reoffending rate. Each comes as numerator, denominator and exact percentage for the panel, with
// the measures a small count would identify named, for anything that leaves the panel (ADR 0028).

import { ValidationError } from '../../../shared/errors.ts'
import {
  countLeavingPanel,
  isSmallCount,
  proportion,
  proportionLeavingPanel,
  type Shown,
} from '../../../shared/suppression.ts'
import { addCalendarMonths, isCalendarDate } from './calendar.ts'

export interface CohortMember {
  subjectId: string
  acceptedOn: string
  deselectedOn?: string
}

export const OUTCOME_EVENT_KINDS = [
  'proven-reoffence',
  'ete-started',
  'ete-sustained',
  'treatment-started',
  'accommodation-secured',
] as const
export type OutcomeEventKind = (typeof OUTCOME_EVENT_KINDS)[number]

export interface OutcomeEvent {
  subjectId: string
  kind: OutcomeEventKind
  /** For a proven reoffence, the date of the offence. */
  date: string
  /** A proven reoffence's offence group. */
  offenceGroup?: string
  /** When the reoffence was proven (conviction or caution), if known. */
  provenOn?: string
}

export interface CohortPeriod {
  from: string
  to: string
}

/** Numerator, denominator and the exact percentage (null where the denominator is 0). */
export interface Measure {
  n: number
  d: number
  pct: number | null
}

/** The binary rate as a measure, with the frequency rate: proven reoffences per offender in the cohort. */
export interface ReoffendingMeasure extends Measure {
  offences: number
  frequency: number | null
}

export const MEASURE_NAMES = ['ete', 'treatment', 'notReoffending6m', 'provenReoffending12m'] as const
export type MeasureName = (typeof MEASURE_NAMES)[number]

export interface CohortReport {
  cohort: { name: string; from: string; to: string; members: number }
  ete: Measure
  treatment: Measure
  notReoffending6m: Measure
  provenReoffending12m: ReoffendingMeasure
  /** Each measure with a count from 1 to 4, which shows as "<5" wherever it leaves the panel. */
  suppressed: MeasureName[]
}

/** Six months from acceptance: a member accepted exactly six months before the period ends counts. */
export const NOT_REOFFENDING_MONTHS = 6
/** The MoJ measure: offences in a 12-month follow-up, proven within it or a 6-month waiting period. */
export const FOLLOW_UP_MONTHS = 12
export const WAITING_MONTHS = 6

function check(
  members: readonly CohortMember[],
  events: readonly OutcomeEvent[],
  period: CohortPeriod,
): void {
  const problems: Record<string, string> = {}
  const date = (field: string, value: string | undefined) => {
    if (value !== undefined && !isCalendarDate(value)) problems[field] = 'Enter a real date as YYYY-MM-DD'
  }
  date('from', period.from)
  date('to', period.to)
  if (!problems.from && !problems.to && period.to < period.from)
    problems.to = 'The period cannot end before it starts'
  const seen = new Set<string>()
  members.forEach((m, i) => {
    if (seen.has(m.subjectId)) problems[`members.${i}.subjectId`] = 'Each person may be in the cohort once'
    seen.add(m.subjectId)
    date(`members.${i}.acceptedOn`, m.acceptedOn)
    date(`members.${i}.deselectedOn`, m.deselectedOn)
    if (m.deselectedOn && m.deselectedOn < m.acceptedOn)
      problems[`members.${i}.deselectedOn`] = 'De-selection cannot be before acceptance'
  })
  events.forEach((e, i) => {
    if (!(OUTCOME_EVENT_KINDS as readonly string[]).includes(e.kind))
      problems[`events.${i}.kind`] = 'Not a kind of outcome event'
    date(`events.${i}.date`, e.date)
    date(`events.${i}.provenOn`, e.provenOn)
    if (e.kind === 'proven-reoffence' && !e.offenceGroup?.trim())
      problems[`events.${i}.offenceGroup`] = 'Give the offence group of a proven reoffence'
  })
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

const measure = (n: number, d: number): Measure => ({ n, d, pct: proportion(n, d).value })

/**
 * The measures for the members in the cohort at any time in the period (accepted by its end, not
 * de-selected before its start), from what was known at the period's end: events dated after it,
 * or proven after it, are not counted.
 *
 * - ETE and treatment: an ETE (started or sustained) or structured treatment event from the day of
 *   acceptance to de-selection or the period's end, over every member.
 * - Not reoffending within 6 months: over members accepted at least 6 calendar months before the
 *   period's end (31 August's six months end on the last day of February), those with no proven
 *   offence committed after the day of acceptance and up to that date. Someone de-selected within
 *   the six months still counts: leaving the cohort does not end the question.
 * - Proven reoffending: over members whose 12-month follow-up and 6-month waiting period have both
 *   passed by the period's end, those with an offence in the follow-up proven by the waiting
 *   period's end (binary), and the number of such offences per member (frequency).
 */
export function cohortReport(
  cohort: { name: string; members: readonly CohortMember[]; events: readonly OutcomeEvent[] },
  period: CohortPeriod,
): CohortReport {
  check(cohort.members, cohort.events, period)
  const { from, to } = period
  const inPeriod = cohort.members.filter(
    (m) => m.acceptedOn <= to && (!m.deselectedOn || m.deselectedOn >= from),
  )
  const known = cohort.events.filter((e) => e.date <= to && (!e.provenOn || e.provenOn <= to))
  const eventsOf = (member: CohortMember, kinds: readonly OutcomeEventKind[]) =>
    known.filter((e) => e.subjectId === member.subjectId && kinds.includes(e.kind))
  const during = (member: CohortMember, kinds: readonly OutcomeEventKind[]) => {
    const end = member.deselectedOn && member.deselectedOn < to ? member.deselectedOn : to
    return eventsOf(member, kinds).some((e) => e.date >= member.acceptedOn && e.date <= end)
  }
  const reoffences = (member: CohortMember, months: number, provenBy?: string) =>
    eventsOf(member, ['proven-reoffence']).filter(
      (e) =>
        e.date > member.acceptedOn &&
        e.date <= addCalendarMonths(member.acceptedOn, months) &&
        (provenBy === undefined || !e.provenOn || e.provenOn <= provenBy),
    )

  const ete = measure(
    inPeriod.filter((m) => during(m, ['ete-started', 'ete-sustained'])).length,
    inPeriod.length,
  )
  const treatment = measure(inPeriod.filter((m) => during(m, ['treatment-started'])).length, inPeriod.length)

  const sixMonthsOn = inPeriod.filter((m) => addCalendarMonths(m.acceptedOn, NOT_REOFFENDING_MONTHS) <= to)
  const notReoffending6m = measure(
    sixMonthsOn.filter((m) => reoffences(m, NOT_REOFFENDING_MONTHS).length === 0).length,
    sixMonthsOn.length,
  )

  const waited = FOLLOW_UP_MONTHS + WAITING_MONTHS
  const followedUp = inPeriod.filter((m) => addCalendarMonths(m.acceptedOn, waited) <= to)
  const proven = followedUp.map(
    (m) => reoffences(m, FOLLOW_UP_MONTHS, addCalendarMonths(m.acceptedOn, waited)).length,
  )
  const offences = proven.reduce((s, n) => s + n, 0)
  const provenReoffending12m: ReoffendingMeasure = {
    ...measure(proven.filter((n) => n > 0).length, followedUp.length),
    offences,
    frequency: followedUp.length ? offences / followedUp.length : null,
  }

  const measures = { ete, treatment, notReoffending6m, provenReoffending12m }
  const suppressed = MEASURE_NAMES.filter((name) => {
    const m: Measure & { offences?: number } = measures[name]
    return isSmallCount(m.n) || isSmallCount(m.d) || (m.offences !== undefined && isSmallCount(m.offences))
  })
  return { cohort: { name: cohort.name, from, to, members: inPeriod.length }, ...measures, suppressed }
}

/** A measure as it may leave the panel. */
export interface ShownMeasure {
  n: Shown
  d: Shown
  pct: Shown | null
}

export interface ShownReoffending extends ShownMeasure {
  offences: Shown
  frequency: Shown | null
}

export interface CohortReportLeavingPanel {
  cohort: Omit<CohortReport['cohort'], 'members'> & { members: Shown }
  ete: ShownMeasure
  treatment: ShownMeasure
  notReoffending6m: ShownMeasure
  provenReoffending12m: ShownReoffending
  suppressed: MeasureName[]
}

function shown(m: Measure): ShownMeasure {
  const p = proportionLeavingPanel({ numerator: m.n, denominator: m.d, value: m.pct })
  return { n: p.numerator, d: p.denominator, pct: p.value }
}

/**
 * The report as it may leave the panel (ADR 0028): counts from 1 to 4 as "<5", and any figure that
 * would give one back withheld. The cohort's size is the measures' largest denominator, so it is
 * shown as they show it.
 */
export function cohortReportLeavingPanel(report: CohortReport): CohortReportLeavingPanel {
  const r = report.provenReoffending12m
  // Offences per offender is a rate, not a share of the offenders: it has no complement to protect.
  const frequency = proportionLeavingPanel(
    { numerator: r.offences, denominator: r.d, value: r.frequency },
    { complement: false },
  )
  return {
    cohort: { ...report.cohort, members: countLeavingPanel(report.cohort.members) },
    ete: shown(report.ete),
    treatment: shown(report.treatment),
    notReoffending6m: shown(report.notReoffending6m),
    provenReoffending12m: { ...shown(r), offences: frequency.numerator, frequency: frequency.value },
    suppressed: [...report.suppressed],
  }
}
