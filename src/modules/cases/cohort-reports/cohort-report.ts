import { z } from 'zod'
import type {
  CohortMember,
  CohortReport,
  CohortReportLeavingPanel,
  MeasureName,
} from '../rules/cohort-outcomes.ts'
import { IOM_COHORT_LABELS, IOM_COHORTS, type IomCohort } from '../rules/iom-cohorts.ts'
import { day } from '../shared-schema.ts'

// What a cohort report is asked for and answers with (ADR 0037). The figures themselves come from
// rules/cohort-outcomes.ts; here are the question, the members it is asked of, and the words the
// pages and the CSV put to each measure.

export const COHORT_CHOICES = ['all', ...IOM_COHORTS] as const
export type CohortChoice = (typeof COHORT_CHOICES)[number]

export const COHORT_CHOICE_LABELS: Record<CohortChoice, string> = {
  all: 'All cohorts',
  ...IOM_COHORT_LABELS,
}

export const reportQuery = z.object({
  cohort: z.enum(COHORT_CHOICES, { error: 'Choose all cohorts, Fixed, Flex or Free' }).default('all'),
  from: day('Enter the first day of the period as a real date, like 2025-12-01'),
  to: day('Enter the last day of the period as a real date, like 2026-11-30'),
})
export type ReportQuery = z.output<typeof reportQuery>

export const MEASURE_LABELS: Record<MeasureName, string> = {
  ete: 'Engaged in education, training or employment',
  treatment: 'Starting structured treatment',
  notReoffending6m: 'Not reoffending within 6 months of acceptance',
  provenReoffending12m: 'Proven reoffending within 12 months (binary rate)',
}

/** Why a measure has no figure: its denominator is 0, which is "no data", never 0%. */
export const NO_DATA_REASONS: Record<MeasureName, string> = {
  ete: 'No one was on the cohort in this period.',
  treatment: 'No one was on the cohort in this period.',
  notReoffending6m:
    'No one on the cohort in this period was accepted at least 6 months before it ends, so no one’s six months have passed.',
  provenReoffending12m:
    'No one on the cohort in this period was accepted at least 18 months before it ends: the measure needs 12 months’ follow-up and 6 more for offences to be proven.',
}

export interface MembershipFact {
  subjectId: number
  cohort: IomCohort
  selectedOn: string
  deselectedOn: string | null
}

/**
 * The members the report is asked of: each person once, by their latest acceptance on the chosen
 * cohort (or any cohort) that falls in the period, since a new acceptance starts their six months
 * and their follow-up again. Subject ids become text, as the rules take them.
 */
export function cohortMembers(
  memberships: readonly MembershipFact[],
  cohort: CohortChoice,
  period: { from: string; to: string },
): CohortMember[] {
  const latest = new Map<number, MembershipFact>()
  for (const m of memberships) {
    if (cohort !== 'all' && m.cohort !== cohort) continue
    if (m.selectedOn > period.to || (m.deselectedOn !== null && m.deselectedOn < period.from)) continue
    const held = latest.get(m.subjectId)
    if (!held || m.selectedOn > held.selectedOn) latest.set(m.subjectId, m)
  }
  return [...latest.values()]
    .sort((a, b) => a.subjectId - b.subjectId)
    .map((m) => ({
      subjectId: String(m.subjectId),
      acceptedOn: m.selectedOn,
      ...(m.deselectedOn ? { deselectedOn: m.deselectedOn } : {}),
    }))
}

/** The report for the panel's members: exact figures, with the question asked. */
export interface PanelCohortReport {
  panel: { id: number; name: string }
  cohort: CohortChoice
  cohortLabel: string
  report: CohortReport
}

/** The report as it leaves the panel (a download, another module). */
export interface PanelCohortReportLeavingPanel {
  panel: { id: number; name: string }
  cohort: CohortChoice
  cohortLabel: string
  report: CohortReportLeavingPanel
}
