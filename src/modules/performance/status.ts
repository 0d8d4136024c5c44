import type { ComparatorPoint, Indicator, IndicatorValue } from './indicator.ts'
import { formatValue } from './indicator.ts'
import {
  type Period,
  parsePeriod,
  periodAt,
  periodLabel,
  previousPeriod,
  sameLastYear,
} from './rules/periods.ts'
import {
  type ControlChart,
  controlChart,
  DIRECTION_WORDS,
  type Direction,
  directionOfTravel,
  financialYearToDate,
  type Rating,
  rateAgainstTarget,
  rolling12Months,
  type Significance,
  significanceOfChange,
  worseningRun,
} from './rules/rules.ts'

// An indicator's figures put through the rules: its series period by period, its status for one
// period, and the reasons it belongs in the exception report. Pure: the service loads, this works out.

export interface Target {
  period: string
  target: number
}

export interface SeriesPoint {
  period: string
  label: string
  value: number | null
  numerator: number | null
  denominator: number | null
  target: number | null
  rating: Rating | null
  computed: boolean
  note: string
  enteredBy: string | null
  /** By comparator series name. */
  comparators: Record<string, number | null>
  /** Monthly counts only. */
  rolling12: number | null
  yearToDate: number | null
  outsideLimits: boolean
  inRun: boolean
}

export interface Status {
  key: string
  period: string | null
  value: number | null
  target: number | null
  rag: Rating
  previous: number | null
  direction: Direction
  sameLastYear: number | null
  directionLastYear: Direction
  /** Against the same period last year; null when not tested. */
  significant: boolean | null
  significance: Significance
}

export interface Series {
  points: SeriesPoint[]
  comparatorNames: string[]
  chart: ControlChart | null
}

/** Every period from the first figure to the last, gaps included (as null), with what the rules say of each. */
export function seriesOf(
  indicator: Indicator,
  values: IndicatorValue[],
  targets: Target[],
  comparators: ComparatorPoint[],
): Series {
  const periods = [...values.map((v) => v.period), ...targets.map((t) => t.period)]
    .map((p) => parsePeriod(p, indicator.frequency))
    .filter((p): p is Period => p !== null)
  const comparatorNames = [...new Set(comparators.map((c) => c.series))]
  if (periods.length === 0) return { points: [], comparatorNames, chart: null }
  const first = Math.min(...periods.map((p) => p.index))
  const last = Math.max(...periods.map((p) => p.index))
  const byPeriod = new Map(values.map((v) => [v.period, v]))
  const targetOf = new Map(targets.map((t) => [t.period, t.target]))
  const comparatorOf = new Map(comparators.map((c) => [`${c.series}|${c.period}`, c.value]))
  const all = Array.from({ length: last - first + 1 }, (_, i) => periodAt(indicator.frequency, first + i))
  const monthlyCounts = indicator.frequency === 'month' && indicator.unit === 'count'
  const filled = all
    .filter((p) => byPeriod.has(p.text))
    .map((p) => ({ period: p.text, value: byPeriod.get(p.text)?.value as number }))
  const rolling = new Map(monthlyCounts ? rolling12Months(filled).map((r, i) => [filled[i]?.period, r]) : [])
  const ytd = new Map(monthlyCounts ? financialYearToDate(filled).map((r, i) => [filled[i]?.period, r]) : [])
  // The control chart needs an unbroken run of months from the first.
  const unbroken = filled.length === all.length
  const chart = monthlyCounts && unbroken ? controlChart(filled.map((f) => f.value)) : null
  const points = all.map((p, i): SeriesPoint => {
    const v = byPeriod.get(p.text)
    const target = targetOf.get(p.text) ?? null
    return {
      period: p.text,
      label: periodLabel(p),
      value: v?.value ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      target,
      rating: v ? rateAgainstTarget(v.value, target, indicator.polarity, indicator.tolerance) : null,
      computed: v?.computed ?? false,
      note: v?.note ?? '',
      enteredBy: v?.enteredBy ?? null,
      comparators: Object.fromEntries(
        comparatorNames.map((n) => [n, comparatorOf.get(`${n}|${p.text}`) ?? null]),
      ),
      rolling12: rolling.get(p.text) ?? null,
      yearToDate: ytd.get(p.text) ?? null,
      outsideLimits: chart?.outside[i] ?? false,
      inRun: chart?.inRun[i] ?? false,
    }
  })
  return { points, comparatorNames, chart }
}

/** The status for a period (by default the latest with a figure): `safer indicator status`. */
export function statusOf(
  indicator: Indicator,
  values: IndicatorValue[],
  targets: Target[],
  periodText?: string,
): Status {
  const byPeriod = new Map(values.map((v) => [v.period, v]))
  const latest = values
    .map((v) => v.period)
    .sort()
    .at(-1)
  const period = parsePeriod(periodText ?? latest ?? '', indicator.frequency)
  const current = period ? byPeriod.get(period.text) : undefined
  const target = period ? (targets.find((t) => t.period === period.text)?.target ?? null) : null
  const previous = period ? (byPeriod.get(previousPeriod(period).text) ?? null) : null
  const lastYear = period ? (byPeriod.get(sameLastYear(period).text) ?? null) : null
  const significance = current
    ? significanceOfChange(indicator.unit, current, lastYear)
    : significanceOfChange(indicator.unit, { value: 0, numerator: null, denominator: null }, null)
  return {
    key: indicator.key,
    period: period?.text ?? null,
    value: current?.value ?? null,
    target,
    rag: current
      ? rateAgainstTarget(current.value, target, indicator.polarity, indicator.tolerance)
      : indicator.polarity === 'none'
        ? 'monitor'
        : 'no-target',
    previous: previous?.value ?? null,
    direction: current
      ? directionOfTravel(current.value, previous?.value ?? null, indicator.polarity)
      : 'none',
    sameLastYear: lastYear?.value ?? null,
    directionLastYear: current
      ? directionOfTravel(current.value, lastYear?.value ?? null, indicator.polarity)
      : 'none',
    significant: significance.significant,
    significance,
  }
}

/**
 * Why an indicator belongs in the exception report, one sentence a reason: red against target,
 * worsening three periods running, significantly worse than last year, outside its control limits.
 */
export function exceptionReasons(indicator: Indicator, status: Status, series: Series): string[] {
  if (status.value === null || !status.period) return []
  const reasons: string[] = []
  const f = (v: number | null) => formatValue(indicator, v)
  if (status.rag === 'red')
    reasons.push(
      `Red: ${f(status.value)} against a target of ${f(status.target)} (${indicator.tolerance}% tolerance)`,
    )
  const upTo = series.points.findIndex((p) => p.period === status.period)
  if (
    worseningRun(
      series.points.slice(0, upTo + 1).map((p) => p.value),
      indicator.polarity,
      3,
    )
  )
    reasons.push('Worsening three periods running')
  if (status.significant && status.directionLastYear === 'worsening')
    reasons.push(
      `Significantly worse than the same period last year (${f(status.sameLastYear)} then, ${f(status.value)} now)`,
    )
  const point = series.points[upTo]
  if (series.chart && point?.outsideLimits)
    reasons.push(
      `Outside its control limits (${f(series.chart.lower)} to ${f(series.chart.upper)} around a mean of ${f(series.chart.mean)})`,
    )
  return reasons
}

export const directionWords = (d: Direction) => DIRECTION_WORDS[d]
