import type { Shown } from '../../../shared/suppression.ts'
import { MEASURE_NAMES } from '../rules/cohort-outcomes.ts'
import { MEASURE_LABELS, type PanelCohortReportLeavingPanel } from './cohort-report.ts'

// The cohort report's CSV: the only form of it that leaves the panel, so it is built from the
// suppressed report alone (counts from 1 to 4 as "<5", percentages on them withheld).

// Quoted, and a leading formula character defused, since a panel's name is typed by a person.
const cell = (value: string) => `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`

const figure = (v: Shown | null, round = false) =>
  v === null ? 'no data' : typeof v === 'number' && round ? (Math.round(v * 10) / 10).toFixed(1) : String(v)

export function cohortReportCsv({ panel, cohortLabel, report }: PanelCohortReportLeavingPanel): string {
  const r = report.provenReoffending12m
  const rows: string[][] = [
    ['panel', panel.name],
    ['cohort', cohortLabel],
    ['from', report.cohort.from],
    ['to', report.cohort.to],
    ['people on the cohort in the period', String(report.cohort.members)],
    [],
    ['measure', 'numerator', 'denominator', 'percentage'],
    ...MEASURE_NAMES.map((name) => {
      const m = report[name]
      return [MEASURE_LABELS[name], String(m.n), String(m.d), figure(m.pct, true)]
    }),
    [
      'Proven reoffences per offender (frequency rate)',
      String(r.offences),
      String(r.d),
      figure(r.frequency, true),
    ],
    [],
    [
      'note',
      'Counts from 1 to 4 are shown as <5 and a figure that would reveal one is suppressed; no data means no one to count yet.',
    ],
  ]
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}
