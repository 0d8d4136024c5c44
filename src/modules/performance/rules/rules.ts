import { poissonComparisonPValue, twoProportionPValue } from '../../../shared/statistics.ts'

// The performance framework's rules, in one place: how a value is rated against its target, how a
// change is worded, when a change is called significant, and the control chart. Every rule has
// its worked example in rules.test.ts. Figures here are exact; pages round them for display.

export const POLARITIES = ['up', 'down', 'none'] as const
/** up: higher is better; down: lower is better; none: monitored only, never rated. */
export type Polarity = (typeof POLARITIES)[number]

export const RATINGS = ['green', 'amber', 'red', 'no-target', 'monitor'] as const
export type Rating = (typeof RATINGS)[number]

export const RATING_LABELS: Record<Rating, string> = {
  green: 'Green – on target',
  amber: 'Amber – within tolerance',
  red: 'Red – off target',
  'no-target': 'No target',
  monitor: 'Monitor only',
}

/**
 * RAG against target. Higher is better: green at or above the target, amber below it by no more
 * than the tolerance (a percentage of the target), red below that. Lower is better: the mirror
 * image. Lower is better, target 100, tolerance 5%: 99 green, 104 amber, 106 red.
 */
export function rateAgainstTarget(
  value: number,
  target: number | null,
  polarity: Polarity,
  tolerancePercent: number,
): Rating {
  if (polarity === 'none') return 'monitor'
  if (target === null) return 'no-target'
  const band = (Math.abs(target) * tolerancePercent) / 100
  // Better-than-target distance: positive when the value beats the target.
  const ahead = polarity === 'up' ? value - target : target - value
  if (ahead >= 0) return 'green'
  return -ahead <= band ? 'amber' : 'red'
}

export const DIRECTIONS = ['improving', 'worsening', 'no-change', 'none'] as const
export type Direction = (typeof DIRECTIONS)[number]

/**
 * A change worded by what it means, never as up or down: for lower-is-better a fall is improving.
 * `none` when there is nothing to compare with, or the indicator is monitored only.
 */
export function directionOfTravel(current: number, earlier: number | null, polarity: Polarity): Direction {
  if (earlier === null || polarity === 'none') return 'none'
  if (current === earlier) return 'no-change'
  return current > earlier === (polarity === 'up') ? 'improving' : 'worsening'
}

export const DIRECTION_WORDS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no-change': 'No change',
  none: 'Not compared',
}

/** Fewer events than this, in either period, and a change is never called significant. */
export const SMALL_BASE = 10

export const COUNT_TEST =
  'Exact conditional binomial test that two Poisson counts share one rate, two-sided, 5% level (the test the crime analyses use)'
export const PROPORTION_TEST = 'Two-proportion z-test (pooled), two-sided, 5% level'

export interface Figure {
  value: number
  numerator: number | null
  denominator: number | null
}

export interface Significance {
  /** counts, proportions, or not-tested (a money amount, a rate, a percentage without its base). */
  method: 'counts' | 'proportions' | 'not-tested'
  /** null when not tested; false whenever a base is small. */
  significant: boolean | null
  pValue: number | null
  /** What was done, in words, for the page. */
  explanation: string
}

const notTested = (explanation: string): Significance => ({
  method: 'not-tested',
  significant: null,
  pValue: null,
  explanation,
})

/**
 * Is the change from `earlier` to `current` more than chance? Counts: the crime module's exact
 * test. Percentages given with numerator and denominator: a two-proportion test. Anything else is
 * not tested. With fewer than 10 events on either side a change is never called significant.
 */
export function significanceOfChange(unit: string, current: Figure, earlier: Figure | null): Significance {
  if (!earlier) return notTested('Nothing to compare with')
  if (unit === 'count') {
    if (
      !Number.isInteger(current.value) ||
      !Number.isInteger(earlier.value) ||
      current.value < 0 ||
      earlier.value < 0
    )
      return notTested('Not tested: the counts are not whole numbers')
    const pValue = poissonComparisonPValue(current.value, earlier.value)
    if (Math.min(current.value, earlier.value) < SMALL_BASE)
      return {
        method: 'counts',
        significant: false,
        pValue,
        explanation: `Not significant: fewer than ${SMALL_BASE} events, too few to tell`,
      }
    return {
      method: 'counts',
      significant: pValue < 0.05,
      pValue,
      explanation: `${pValue < 0.05 ? 'Significant' : 'Not significant'} (${COUNT_TEST})`,
    }
  }
  if (unit === 'percent') {
    const bases = [current, earlier]
    if (bases.some((f) => f.numerator === null || !f.denominator))
      return notTested('Not tested: a percentage needs its numerator and denominator to be tested')
    const [x1, n1, x2, n2] = [
      current.numerator,
      current.denominator,
      earlier.numerator,
      earlier.denominator,
    ] as number[]
    const pValue = twoProportionPValue(x1 as number, n1 as number, x2 as number, n2 as number)
    if (Math.min(x1 as number, x2 as number) < SMALL_BASE)
      return {
        method: 'proportions',
        significant: false,
        pValue,
        explanation: `Not significant: fewer than ${SMALL_BASE} people counted, too few to tell`,
      }
    return {
      method: 'proportions',
      significant: pValue < 0.05,
      pValue,
      explanation: `${pValue < 0.05 ? 'Significant' : 'Not significant'} (${PROPORTION_TEST})`,
    }
  }
  return notTested(
    'Not tested: only counts, and percentages with their numerator and denominator, are tested',
  )
}

export interface ControlChart {
  /** Values the mean and limits are worked out from: the first BASELINE_POINTS. */
  baseline: number
  mean: number
  /** 3σ either side of the mean; the lower limit is never below 0, as a count cannot be. */
  upper: number
  lower: number
  /** Per point: above the upper limit, below the lower one. */
  outside: boolean[]
  /** Per point: part of a run of RUN_LENGTH or more on one side of the mean. */
  inRun: boolean[]
}

export const BASELINE_POINTS = 12
export const RUN_LENGTH = 7

/**
 * An individuals (XmR) control chart for monthly counts. σ is estimated from the average moving
 * range over the baseline (÷ 1.128), as Wheeler recommends: a plain standard deviation would be
 * widened by the very shifts the chart is there to find, and Poisson limits (√mean) are too narrow
 * for crime counts, which vary more than Poisson. Null with fewer than BASELINE_POINTS values.
 */
export function controlChart(values: number[], baselinePoints = BASELINE_POINTS): ControlChart | null {
  if (values.length < baselinePoints || baselinePoints < 2) return null
  const base = values.slice(0, baselinePoints)
  const mean = base.reduce((s, v) => s + v, 0) / base.length
  const ranges = base.slice(1).map((v, i) => Math.abs(v - (base[i] as number)))
  const sigma = ranges.reduce((s, v) => s + v, 0) / ranges.length / 1.128
  const upper = mean + 3 * sigma
  const lower = Math.max(0, mean - 3 * sigma)
  const outside = values.map((v) => v > upper || v < lower)
  const inRun = values.map(() => false)
  let start = 0
  const side = (v: number) => Math.sign(v - mean)
  for (let i = 1; i <= values.length; i++) {
    const same = i < values.length && side(values[i] as number) === side(values[start] as number)
    if (same) continue
    if (side(values[start] as number) !== 0 && i - start >= RUN_LENGTH)
      for (let k = start; k < i; k++) inRun[k] = true
    start = i
  }
  return { baseline: baselinePoints, mean, upper, lower, outside, inRun }
}

export interface MonthValue {
  period: string
  value: number
}

/** The total over the 12 months to each month; null until 12 consecutive months are there. */
export function rolling12Months(months: MonthValue[]): Array<number | null> {
  return months.map((_, i) => {
    if (i < 11) return null
    const window = months.slice(i - 11, i + 1)
    if (!consecutive(window.map((m) => m.period))) return null
    return window.reduce((s, m) => s + m.value, 0)
  })
}

/** The total from April to each month (the financial year to date); null when a month between is missing. */
export function financialYearToDate(months: MonthValue[]): Array<number | null> {
  return months.map((m, i) => {
    const [year, month] = m.period.split('-').map(Number) as [number, number]
    const fyStart = `${month >= 4 ? year : year - 1}-04`
    const window = months.slice(0, i + 1).filter((x) => x.period >= fyStart)
    if (window[0]?.period !== fyStart || !consecutive(window.map((x) => x.period))) return null
    return window.reduce((s, x) => s + x.value, 0)
  })
}

function consecutive(months: string[]): boolean {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))
  return months.every((m, i) => i === 0 || index(m) === index(months[i - 1] as string) + 1)
}

/** True when each of the last `runs` changes between consecutive periods was a worsening. */
export function worseningRun(values: Array<number | null>, polarity: Polarity, runs = 3): boolean {
  if (values.length < runs + 1) return false
  const tail = values.slice(-(runs + 1))
  return tail.slice(1).every((v, i) => {
    const before = tail[i] ?? null
    return v !== null && before !== null && directionOfTravel(v, before, polarity) === 'worsening'
  })
}
