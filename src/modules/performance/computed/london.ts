import { LONDON_BOROUGHS } from '../../../shared/london-boroughs.ts'
import type { CrimeService } from '../../crime/service.ts'
import type { ComputedSpec, Indicator } from '../indicator.ts'
import { monthsOf, periodAt } from '../rules/periods.ts'
import type { ComputedFigure } from './computed.service.ts'

// "London", the comparator partnerships report against, is not one area in the crime store: it is
// the Metropolitan Police's recorded crime (every London borough) over the population of the 32
// boroughs the Met polices (the City of London has its own police force).

export const LONDON = 'London'
const MET = 'Metropolitan Police Service'

type Monthly = (
  spec: ComputedSpec,
  area: string,
  areaType?: 'force',
) => Promise<{ byMonth: Map<string, number>; loaded: Set<string> }>

export async function londonFigures(
  crime: Pick<CrimeService, 'analysis'>,
  indicator: Indicator,
  spec: ComputedSpec,
  monthly: Monthly,
): Promise<ComputedFigure[]> {
  if (spec.source !== 'recorded') return []
  const { byMonth, loaded } = await monthly(spec, MET, 'force')
  const months = [...loaded].sort()
  if (months.length === 0) return []
  const boroughs = await Promise.all(
    LONDON_BOROUGHS.filter(([code]) => code !== 'E09000001').map(([code]) =>
      crime.analysis.resolve({
        source: 'recorded',
        area: code,
        areaType: 'lad',
        from: months[0],
        to: months[0],
      }),
    ),
  )
  const populations = new Map<number, number>()
  async function populationFor(from: string, to: string): Promise<number | null> {
    const first = boroughs[0]
    if (!first) return null
    const year = await crime.analysis.populationYearFor({ ...first, from, to })
    if (year === null) return null
    const known = populations.get(year)
    if (known !== undefined) return known
    let total = 0
    for (const q of boroughs)
      total += (await crime.analysis.rateFor({ ...q, from, to, populationYear: year }, 0)).population
    populations.set(year, total)
    return total
  }
  const figures: ComputedFigure[] = []
  const first = Number(months[0]?.slice(0, 4)) - 1
  const last = Number(months.at(-1)?.slice(0, 4)) + 1
  const perYear = indicator.frequency === 'month' ? 12 : indicator.frequency === 'quarter' ? 4 : 1
  for (let i = first * perYear; i <= last * perYear; i++) {
    const p = periodAt(indicator.frequency, i)
    const covers = monthsOf(p)
    if (!covers.every((m) => loaded.has(m))) continue
    const count = covers.reduce((s, m) => s + (byMonth.get(m) ?? 0), 0)
    if (spec.measure === 'count') {
      figures.push({ period: p.text, value: count, numerator: null, denominator: null })
      continue
    }
    const population = await populationFor(covers[0] as string, covers.at(-1) as string)
    if (!population) continue
    figures.push({
      period: p.text,
      value: (count * 1000) / population,
      numerator: count,
      denominator: population,
    })
  }
  return figures
}
