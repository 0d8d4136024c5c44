import { COLOURS, formatNumber, svgOpen, text } from '../../../shared/svg.ts'
import type { CohortReport } from '../rules/cohort-outcomes.ts'
import { MEASURE_NAMES } from '../rules/cohort-outcomes.ts'
import { MEASURE_LABELS } from './cohort-report.ts'

// The four measures as horizontal bars on one 0–100% scale, each labelled with its figure. A
// measure with no one to count has no bar and says "no data", so an empty bar is never read as 0%.

export function cohortChart(report: CohortReport): string {
  const width = 640
  const left = 16
  const right = 24
  const rowH = 64
  const top = 12
  const height = top + MEASURE_NAMES.length * rowH + 28
  const plotW = width - left - right
  const x = (pct: number) => left + (pct / 100) * plotW
  const parts = [
    svgOpen(
      'cohort-chart',
      width,
      height,
      `Cohort outcomes: ${report.cohort.name}`,
      `The four outcome measures as percentages from ${report.cohort.from} to ${report.cohort.to}; the numbers are in the table beside the chart.`,
    ),
  ]
  MEASURE_NAMES.forEach((name, i) => {
    const m = report[name]
    const y = top + i * rowH
    const figure = m.pct === null ? 'no data' : `${formatNumber(m.pct)}% (${m.n} of ${m.d})`
    parts.push(text(left, y + 16, `${MEASURE_LABELS[name]}: ${figure}`))
    parts.push(
      `<rect x="${left}" y="${y + 24}" width="${plotW}" height="24" fill="none" stroke="${COLOURS.lightGrey}" stroke-width="1"/>`,
    )
    if (m.pct !== null)
      parts.push(
        `<rect x="${left}" y="${y + 24}" width="${(x(m.pct) - left).toFixed(1)}" height="24" fill="${COLOURS.blue}"/>`,
      )
  })
  for (const pct of [0, 50, 100])
    parts.push(
      text(
        x(pct),
        height - 8,
        `${pct}%`,
        pct === 0 ? '' : pct === 100 ? 'text-anchor="end"' : 'text-anchor="middle"',
      ),
    )
  parts.push('</svg>')
  return parts.join('\n')
}
