import { type Coverage, type DetailedCoverage, publicCoverage } from './coverage.service.ts'
import { monthsBetween, periodLabel } from './months.ts'
import { type Change, poissonComparisonPValue } from './statistics.ts'

// Whether two periods can be compared, and the comparison when they can: like for like only.

export const AGAINST = ['previous', 'last-year'] as const
export type Against = (typeof AGAINST)[number]

export const CHANGE_TEST =
  'Exact conditional binomial test that two Poisson counts share one rate, two-sided, 5% level'

export interface PeriodFigure {
  from: string
  to: string
  /** null when no month of the period is loaded: no data is not zero crimes. */
  total: number | null
  coverage: Coverage
}

/** The `safer crime change --json` and `GET /crime/comparison` answer. */
export interface Comparison {
  against: Against
  current: PeriodFigure
  previous: PeriodFigure
  comparable: boolean
  /** Why not, when not comparable; null when comparable. */
  reason: string | null
  /** Exact; null when not comparable or the previous period had no crimes. */
  changePercent: number | null
  /** null when not comparable. */
  significant: boolean | null
  test: { name: string; pValue: number } | null
}

/** One side of the page's change figures: the counts, and whether the two periods are like for like. */
export interface PeriodChange extends Change {
  from: string
  to: string
  complete: boolean
  /** False when the periods' coverage differs; `reason` says how. Absent means comparable. */
  comparable?: boolean
  reason?: string | null
  coverage?: Coverage
}

const LEVEL_NAMES: Record<number, string> = { 1: 'borough', 2: 'ward', 3: 'LSOA' }

/** "March 2024 to May 2024, August 2024": runs of months as periods. */
export function monthsText(months: string[]): string {
  const runs: Array<[string, string]> = []
  for (const m of months) {
    const last = runs.at(-1)
    if (last && monthsBetween(last[1], m) === 2) last[1] = m
    else runs.push([m, m])
  }
  return runs.map(([a, b]) => periodLabel(a, b)).join(', ')
}

/** What the period's figure rests on in each of its months, in order, as comparable text. */
function signatures(c: DetailedCoverage): string[] {
  return c.monthsLoaded.map((m) =>
    c.source === 'recorded'
      ? String(c.levels.get(m))
      : [...(c.forces.get(m) ?? new Map<string, string[]>())]
          .map(([force, types]) => `${force}:${[...types].sort().join(',')}`)
          .sort()
          .join('|'),
  )
}

function differences(
  a: PeriodFigure & { detail: DetailedCoverage },
  b: PeriodFigure & { detail: DetailedCoverage },
) {
  const [la, lb] = [periodLabel(a.from, a.to), periodLabel(b.from, b.to)]
  if (a.detail.source === 'recorded') {
    const levels = (d: DetailedCoverage) =>
      [...new Set(d.levels.values())].map((l) => LEVEL_NAMES[l]).join(' and ')
    return `the Met's figures come from ${levels(a.detail)} level in ${la} but ${levels(b.detail)} level in ${lb} (LSOA figures leave out sexual offences and crimes without a location)`
  }
  const forces = new Set(
    [...a.detail.forces.values(), ...b.detail.forces.values()].flatMap((m) => [...m.keys()]),
  )
  const notes: string[] = []
  for (const force of [...forces].sort()) {
    const held = (d: DetailedCoverage) => [...d.forces.values()].filter((m) => m.has(force))
    const [ha, hb] = [held(a.detail), held(b.detail)]
    const types = (h: Array<Map<string, string[]>>) => new Set(h.flatMap((m) => m.get(force) ?? []))
    const [ta, tb] = [types(ha), types(hb)]
    if (ha.length !== hb.length) {
      notes.push(
        `${force} records are loaded for ${ha.length} of ${a.coverage.monthsLoaded.length} months in ${la} and ${hb.length} of ${b.coverage.monthsLoaded.length} in ${lb}`,
      )
    } else if ([...ta].some((t) => !tb.has(t)) || [...tb].some((t) => !ta.has(t))) {
      const only = (x: Set<string>, y: Set<string>) => [...x].filter((t) => !y.has(t)).join(', ') || 'none'
      notes.push(
        `${force} holds different crime types (only in ${la}: ${only(ta, tb)}; only in ${lb}: ${only(tb, ta)})`,
      )
    }
  }
  return notes.join('; ') || 'the loaded data differs from month to month between the two periods'
}

/** Compares two periods when they have the same coverage month for month; otherwise says why not. */
export function compareCovered(
  against: Against,
  current: PeriodFigure & { detail: DetailedCoverage },
  previous: PeriodFigure & { detail: DetailedCoverage },
): Comparison {
  const strip = ({ detail: _d, ...p }: PeriodFigure & { detail: DetailedCoverage }): PeriodFigure => ({
    ...p,
    coverage: publicCoverage(p.coverage),
  })
  const missing = (p: PeriodFigure) =>
    p.coverage.monthsMissing.length
      ? `${monthsText(p.coverage.monthsMissing)} ${p.coverage.monthsMissing.length === 1 ? 'is' : 'are'} not loaded`
      : null
  let reason = [missing(current), missing(previous)].filter(Boolean).join('; ') || null
  if (!reason) {
    const [sa, sb] = [signatures(current.detail), signatures(previous.detail)]
    if (sa.some((s, i) => s !== sb[i])) reason = `Not like for like: ${differences(current, previous)}`
  } else reason = `Not every month is loaded: ${reason}`
  const base = { against, current: strip(current), previous: strip(previous) }
  if (reason || current.total === null || previous.total === null)
    return { ...base, comparable: false, reason, changePercent: null, significant: null, test: null }
  const pValue = poissonComparisonPValue(current.total, previous.total)
  return {
    ...base,
    comparable: true,
    reason: null,
    changePercent: previous.total === 0 ? null : ((current.total - previous.total) * 100) / previous.total,
    significant: pValue < 0.05,
    test: { name: CHANGE_TEST, pValue },
  }
}
