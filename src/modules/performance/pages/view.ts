import { formatValue, SOURCE_LABELS, UNIT_LABELS } from '../indicator.ts'
import type { IndicatorView } from '../indicators.service.ts'
import { FREQUENCY_LABELS, parsePeriod, periodLabel } from '../rules/periods.ts'
import { DIRECTION_WORDS, RATING_LABELS, RATINGS, type Rating } from '../rules/rules.ts'
import { indicatorChart, sparkline } from './charts.ts'

// Shapes the services' domain objects for the page templates: words, tags and charts. Every
// figure a page shows is rounded here for display; the API and downloads carry them exact.

// GOV.UK tag colours, and always the words with them: colour is never the only signal.
const RATING_CLASSES: Record<Rating, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  'no-target': 'govuk-tag--grey',
  monitor: 'govuk-tag--blue',
}

export const ratingTag = (r: Rating) => ({ text: RATING_LABELS[r], classes: RATING_CLASSES[r] })

const POLARITY_WORDS = { up: 'Higher is better', down: 'Lower is better', none: 'Monitored only: not rated' }

const label = (view: IndicatorView, period: string | null) => {
  const p = period ? parsePeriod(period, view.indicator.frequency) : null
  return p ? periodLabel(p) : 'No value yet'
}

export function tileOf(view: IndicatorView, organisations: Map<number, string>) {
  const { indicator, status, series } = view
  return {
    id: indicator.id,
    name: indicator.name,
    period: label(view, status.period),
    value: formatValue(indicator, status.value),
    target: status.target === null ? 'No target' : formatValue(indicator, status.target),
    tag: ratingTag(status.rag),
    direction: DIRECTION_WORDS[status.direction],
    directionLastYear: DIRECTION_WORDS[status.directionLastYear],
    owner: indicator.ownerOrganisationId
      ? (organisations.get(indicator.ownerOrganisationId) ?? '')
      : 'No owner',
    computed: indicator.source === 'computed',
    exceptions: view.exceptions,
    chart: sparkline(
      `spark-${indicator.id}`,
      `${indicator.name}: recent values`,
      series.points.map((p) => p.value),
    ),
  }
}

export interface DashboardFilter {
  priority?: number
  owner?: number
  rag?: Rating
}

export function parseDashboardFilter(query: Record<string, unknown>): DashboardFilter {
  const n = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : undefined)
  const rag =
    typeof query.rag === 'string' && (RATINGS as readonly string[]).includes(query.rag)
      ? (query.rag as Rating)
      : undefined
  return { priority: n(query.priority), owner: n(query.owner), rag }
}

export function matches(view: IndicatorView, f: DashboardFilter): boolean {
  if (f.priority !== undefined && !view.indicator.priorityIds.includes(f.priority)) return false
  if (f.owner !== undefined && view.indicator.ownerOrganisationId !== f.owner) return false
  if (f.rag !== undefined && view.status.rag !== f.rag) return false
  return true
}

export const ragOptions = RATINGS.map((r) => ({ value: r, text: RATING_LABELS[r] }))

export function indicatorPage(view: IndicatorView, organisations: Map<number, string>) {
  const { indicator, status, series } = view
  const f = (v: number | null) => formatValue(indicator, v)
  const rows = [...series.points].reverse().map((p) => ({
    period: p.label,
    value: f(p.value),
    target: p.target === null ? '' : f(p.target),
    tag: p.rating ? ratingTag(p.rating) : null,
    comparators: series.comparatorNames.map((n) =>
      p.comparators[n] == null ? '' : f(p.comparators[n] ?? null),
    ),
    base:
      p.numerator !== null && p.denominator !== null
        ? `${p.numerator.toLocaleString('en-GB')} of ${p.denominator.toLocaleString('en-GB')}`
        : '',
    rolling12: p.rolling12 === null ? '' : f(p.rolling12),
    yearToDate: p.yearToDate === null ? '' : f(p.yearToDate),
    flag: [p.outsideLimits ? 'Outside control limits' : '', p.inRun ? 'In a run of 7' : '']
      .filter(Boolean)
      .join('; '),
    note: p.note,
  }))
  return {
    id: indicator.id,
    name: indicator.name,
    key: indicator.key,
    definition: indicator.definition,
    about: [
      [
        'Unit',
        indicator.unit === 'rate'
          ? `Rate per ${(indicator.ratePer ?? 1000).toLocaleString('en-GB')} residents`
          : UNIT_LABELS[indicator.unit],
      ],
      ['Polarity', POLARITY_WORDS[indicator.polarity]],
      ['Frequency', FREQUENCY_LABELS[indicator.frequency]],
      ['Amber tolerance', `${indicator.tolerance}% of the target`],
      [
        'Owner',
        indicator.ownerOrganisationId ? (organisations.get(indicator.ownerOrganisationId) ?? '') : 'No owner',
      ],
      ['Data source', SOURCE_LABELS[indicator.source]],
    ],
    status: {
      period: label(view, status.period),
      value: f(status.value),
      target: status.target === null ? 'No target' : f(status.target),
      tag: ratingTag(status.rag),
      previous: `${DIRECTION_WORDS[status.direction]}${status.previous === null ? '' : ` (${f(status.previous)} the period before)`}`,
      lastYear: `${DIRECTION_WORDS[status.directionLastYear]}${status.sameLastYear === null ? '' : ` (${f(status.sameLastYear)} a year earlier)`}`,
      significance: status.significance.explanation,
    },
    exceptions: view.exceptions,
    chart: series.points.length ? indicatorChart(`chart-${indicator.id}`, indicator.name, series) : null,
    controlChart: series.chart
      ? `Mean ${f(series.chart.mean)}, control limits ${f(series.chart.lower)} to ${f(series.chart.upper)} (3σ from the average moving range over the first ${series.chart.baseline} months); points outside them and runs of 7 on one side are flagged.`
      : null,
    monthlyCounts: indicator.frequency === 'month' && indicator.unit === 'count',
    comparatorNames: series.comparatorNames,
    hasBase: series.points.some((p) => p.numerator !== null),
    rows,
  }
}
