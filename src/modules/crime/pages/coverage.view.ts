import type { ResolvedQuery } from '../analysis/analysis.service.ts'
import { monthsText } from '../analysis/comparison.ts'
import { addMonths, monthLongLabel, periodLabel } from '../analysis/months.ts'
import { queryString } from './page-data.ts'
import type { PageCoverage } from './pages.service.ts'

/**
 * What a crime page says about the data behind its figures: that none is loaded for the period
 * (with a link to the months that are), which months are missing, and what the total leaves out.
 */
export function coverageView(q: ResolvedQuery, page: PageCoverage, path: string, crimeType?: string) {
  const { coverage: c, latestMonth } = page
  const period = periodLabel(q.from, q.to)
  if (c.monthsLoaded.length === 0) {
    const latest = latestMonth
      ? ` — the latest loaded month is ${monthLongLabel(latestMonth)}`
      : ' — none is loaded for this area from this source'
    return {
      noMonths: true,
      message: `No data loaded for ${q.area.name} from ${period}${latest}`,
      link: latestMonth
        ? {
            href: `${path}${queryString({ ...q, from: addMonths(latestMonth, -11), to: latestMonth, crimeType })}`,
            text: `Show ${periodLabel(addMonths(latestMonth, -11), latestMonth)}`,
          }
        : null,
      warning: null,
      leavesOut: null,
      totalLabel: 'Crimes',
    }
  }
  return {
    noMonths: false,
    message: null,
    link: null,
    warning: c.monthsMissing.length
      ? `Not all of this period is loaded: no data for ${monthsText(c.monthsMissing)}. Figures cover the other ${c.monthsLoaded.length} months only.`
      : null,
    leavesOut: c.leavesOut
      ? `Not including ${c.leavesOut.categories.join(', ')}: ${c.leavesOut.reason}.`
      : null,
    totalLabel: c.leavesOut ? `Crimes, not including ${c.leavesOut.categories.join(', ')}` : 'Crimes',
  }
}

export type CoverageView = ReturnType<typeof coverageView>
