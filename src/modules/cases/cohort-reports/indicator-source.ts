import { SYSTEM_ACTOR } from '../../audit/service.ts'
import { systemReader } from '../rights/system-read.ts'
import type { MeasureName } from '../rules/cohort-outcomes.ts'
import type { CohortChoice } from './cohort-report.ts'
import type { createCohortReportsService } from './cohort-reports.service.ts'

// The cohort report offered to the performance module as computed indicators (ADR 0037). What
// reaches performance has left the panel: each figure is the suppressed one, and a percentage
// withheld because a count under it is from 1 to 4 comes with no value, never a guessed one.

/** A performance indicator's cohort question: the panel by id or exact name, the cohort, the measure. */
export interface CohortIndicatorSpec {
  panel: string
  cohort: CohortChoice
  measure: MeasureName
}

export interface CohortIndicatorPeriod {
  period: string
  from: string
  to: string
}

/** One period's figure as it leaves the panel: value null when withheld or when there is no one to count. */
export interface CohortIndicatorFigure {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  /** Why there is no value: "<5" (a small count) or "no data" (a denominator of 0). */
  withheld: '<5' | 'no data' | null
}

type Reports = Pick<
  ReturnType<typeof createCohortReportsService>,
  'cohortReportsLeavingPanel' | 'cohortReportVersion' | 'iomPanelNamed'
>

export function cohortIndicatorSource(reports: Reports) {
  const reader = systemReader(SYSTEM_ACTOR, 'cohort-report')

  return {
    /** Problems with the spec, by field, or none: the panel must be an IOM panel. */
    async check(spec: CohortIndicatorSpec): Promise<Record<string, string>> {
      return (await reports.iomPanelNamed(spec.panel))
        ? {}
        : { 'computed.cohort.panel': `No IOM panel has the id or exact name ${spec.panel}` }
    },

    /** Changes whenever the panel's cohort or outcome events change. */
    version: (spec: CohortIndicatorSpec) => reports.cohortReportVersion(spec.panel),

    /** The figure of each period the caller lists from the cohort's first acceptance. */
    async figures(
      spec: CohortIndicatorSpec,
      periodsFrom: (firstAccepted: string) => CohortIndicatorPeriod[],
    ): Promise<CohortIndicatorFigure[]> {
      const found = await reports.cohortReportsLeavingPanel(reader, spec.panel, spec.cohort, periodsFrom)
      return found.map(({ period, report }) => {
        const m = report[spec.measure]
        if (typeof m.pct === 'number' && typeof m.n === 'number' && typeof m.d === 'number')
          return { period, value: m.pct, numerator: m.n, denominator: m.d, withheld: null }
        return {
          period,
          value: null,
          numerator: null,
          denominator: null,
          withheld: m.d === 0 ? 'no data' : '<5',
        }
      })
    },
  }
}

export type CohortIndicatorSource = ReturnType<typeof cohortIndicatorSource>
