import { barChart } from '../../../shared/charts/bar.ts'
import { formatNumber } from '../../../shared/svg.ts'
import { monthLabel } from '../analysis/months.ts'
import { lineChart } from '../charts/line.ts'
import { SOURCE_LABELS } from '../query-types.ts'
import { categoryName } from './names.ts'
import { describeChange, fmt, formatRate } from './page-data.ts'
import type { Overview } from './pages.service.ts'

const LEVELS: Record<number, string> = { 1: 'borough', 2: 'ward', 3: 'LSOA' }

/** The overview page's figures as display-ready strings and SVG (rates to two decimals, percentages to one). */
export function overviewView(o: Overview) {
  const { query: q, total, rate, change, monthly, byType, outcomes, levels } = o
  return {
    total: formatNumber(total),
    months: monthly.length,
    sourceLabel: SOURCE_LABELS[q.source],
    levelsNote: levels.length
      ? `Met figures at ${levels.map((l) => `${LEVELS[l.level]} level for ${monthLabel(l.from)} to ${monthLabel(l.to)}`).join(', and ')}.`
      : '',
    rate: rate
      ? {
          value: formatRate(rate.ratePer1000),
          note: `Population ${formatNumber(rate.population)} (ONS mid-${rate.populationYear} estimate). Rounded to two decimal places.`,
        }
      : { value: '–', note: 'Rates need a local authority, ward or LSOA.' },
    change: { previous: describeChange(change.previous), lastYear: describeChange(change.lastYear) },
    monthly: {
      svg: lineChart(
        'monthly',
        'Crimes by month and rolling 12-month total',
        monthly.map((m) => m.month),
        [
          { name: 'Crimes in the month', values: monthly.map((m) => (m.loaded ? m.count : null)) },
          {
            name: 'Rolling 12 months ÷ 12',
            values: monthly.map((m) => (m.rollingComplete ? Math.round(m.rolling12 / 12) : null)),
            dashed: true,
          },
        ],
      ),
      rows: monthly.map((m) => [
        monthLabel(m.month),
        m.loaded ? formatNumber(m.count) : 'not loaded',
        m.rollingComplete ? formatNumber(m.rolling12) : '–',
      ]),
    },
    byType: {
      svg: barChart(
        'by-type',
        'Crimes by type',
        byType.map((r) => ({ label: categoryName(r.label), value: r.count })),
      ),
      rows: byType.map((r) => [categoryName(r.label), formatNumber(r.count)]),
    },
    outcomes: outcomes && {
      svg: barChart(
        'outcomes',
        'Latest outcome of each crime',
        outcomes.rows.map((r) => ({ label: r.outcome, value: r.count })),
      ),
      rows: outcomes.rows.map((r) => [r.outcome, formatNumber(r.count), `${fmt(r.percent)}%`]),
    },
  }
}
