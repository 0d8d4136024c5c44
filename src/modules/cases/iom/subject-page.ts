import {
  DESELECTION_REASON_LABELS,
  DESELECTION_REASONS,
  IOM_COHORT_LABELS,
  IOM_COHORTS,
  IOM_PATHWAY_LABELS,
  IOM_PATHWAYS,
  NEED_LEVELS,
  PROGRESS_STATES,
} from '../rules/iom-cohorts.ts'
import type { IomScoringMatrix } from '../rules/iom-score.ts'
import type { IomSubjectRecord } from './iom-record.ts'

export const NEED_LABELS = { none: 'No need', low: 'Low', medium: 'Medium', high: 'High' } as const
export const PROGRESS_LABELS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  achieved: 'Achieved',
  disengaged: 'Disengaged',
} as const

const items = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, text: labels[value] }))

/** The score's three components as bars of an SVG chart, each with its share of the widest. */
export function scoreBars(score: IomSubjectRecord['score']) {
  const parts = [
    { name: 'Recency', value: score.components.recency },
    { name: 'Frequency', value: score.components.frequency },
    { name: 'Gravity', value: score.components.gravity },
  ]
  const most = Math.max(1, ...parts.map((p) => p.value))
  return parts.map((p, i) => ({ ...p, y: i * 28, width: Math.round((p.value / most) * 200) }))
}

/** What the person's IOM page lists and offers, besides the record itself. */
export function subjectPageItems(record: IomSubjectRecord, matrix: IomScoringMatrix) {
  return {
    groupItems: matrix.groups.map((g) => ({ value: g.id, text: g.label })),
    cohortItems: items(IOM_COHORTS, IOM_COHORT_LABELS),
    deselectionItems: items(DESELECTION_REASONS, DESELECTION_REASON_LABELS),
    pathwayItems: items(IOM_PATHWAYS, IOM_PATHWAY_LABELS),
    needItems: items(NEED_LEVELS, NEED_LABELS),
    progressItems: items(PROGRESS_STATES, PROGRESS_LABELS),
    bars: scoreBars(record.score),
    groupLabels: Object.fromEntries(matrix.groups.map((g) => [g.id, g.label])),
    needLabels: NEED_LABELS,
    progressLabels: PROGRESS_LABELS,
  }
}
