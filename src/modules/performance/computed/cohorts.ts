import type { Services } from '../../module.ts'
import type { CohortSpec, Indicator } from '../indicator.ts'
import { financialYearOf, monthsOf, type Period, periodAt } from '../rules/periods.ts'
import type { ComputedFigure } from './computed.service.ts'

// An IOM cohort's outcome measure as a computed indicator (ADR 0037), counted by the risk panels'
// cohort report through the optional `cohortIndicators` service: performance knows nothing of cases.
// What arrives has left the panel: a period whose figure is withheld ("<5", or no one to count) has
// no value here, never a guessed one.

export type CohortSource = Services['cohortIndicators']

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/** The period at this frequency holding the month (YYYY-MM). */
function periodHolding(frequency: Indicator['frequency'], month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + m - 1
  if (frequency === 'month') return periodAt('month', index)
  if (frequency === 'quarter') return periodAt('quarter', Math.floor(index / 3))
  if (frequency === 'financial-year') return financialYearOf(month)
  return periodAt('year', y)
}

/** Every ended period from the one holding the cohort's first acceptance: a period still running has no figure. */
export function endedPeriodsFrom(frequency: Indicator['frequency'], first: string, thisMonth: string) {
  const periods: Array<{ period: string; from: string; to: string }> = []
  for (let p = periodHolding(frequency, first.slice(0, 7)); ; p = periodAt(frequency, p.index + 1)) {
    const months = monthsOf(p)
    const last = months.at(-1) as string
    if (last >= thisMonth) break
    periods.push({ period: p.text, from: `${months[0]}-01`, to: lastDay(last) })
  }
  return periods
}

export async function cohortFigures(
  source: CohortSource,
  indicator: Indicator,
  spec: CohortSpec,
  thisMonth: string,
): Promise<ComputedFigure[]> {
  const figures = await source.figures(spec, (first) =>
    endedPeriodsFrom(indicator.frequency, first, thisMonth),
  )
  return figures.flatMap((f) =>
    f.value === null
      ? []
      : [{ period: f.period, value: f.value, numerator: f.numerator, denominator: f.denominator }],
  )
}
