import { COLOURS, svgOpen, text } from '../../../shared/svg.ts'
import { VAF_DIMENSION_LABELS, VAF_DIMENSIONS, VAF_FACTORS, type VafDimension } from '../rules/vaf-factors.ts'

// The change chart: per dimension, the factors present at each assessment, as a step line (a
// count holds until the next assessment changes it). Each dimension has its own colour, dash and
// marker, so the lines are told apart without colour; the table beside it is the source of truth.

const STYLE: Record<
  VafDimension,
  { colour: string; dash: string; marker: (x: number, y: number) => string }
> = {
  engagement: {
    colour: COLOURS.darkBlue,
    dash: '',
    marker: (x, y) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${COLOURS.darkBlue}"/>`,
  },
  intent: {
    colour: COLOURS.orange,
    dash: ' stroke-dasharray="8 4"',
    marker: (x, y) =>
      `<rect x="${(x - 5).toFixed(1)}" y="${(y - 5).toFixed(1)}" width="10" height="10" fill="${COLOURS.orange}"/>`,
  },
  capability: {
    colour: COLOURS.grey,
    dash: ' stroke-dasharray="2 3"',
    marker: (x, y) =>
      `<path d="M${x.toFixed(1)} ${(y - 6).toFixed(1)} L${(x + 6).toFixed(1)} ${(y + 5).toFixed(1)} L${(x - 6).toFixed(1)} ${(y + 5).toFixed(1)} Z" fill="${COLOURS.grey}"/>`,
  },
}

const MAX = VAF_FACTORS.filter((f) => f.dimension === 'engagement').length

export function vafChart(
  series: ReadonlyArray<{ assessedOn: string; present: Record<VafDimension, number> }>,
): string {
  const width = 640
  const height = 340
  const left = 48
  const right = 24
  const top = 20
  const bottom = 110
  const plotW = width - left - right
  const plotH = height - top - bottom
  const x = (i: number) => left + (series.length === 1 ? plotW / 2 : (i * plotW) / (series.length - 1))
  const y = (n: number) => top + plotH - (n / MAX) * plotH
  const first = series[0]?.assessedOn ?? ''
  const last = series[series.length - 1]?.assessedOn ?? ''
  const parts = [
    svgOpen(
      'vaf-chart',
      width,
      height,
      'Vulnerability Assessment Framework: factors present at each assessment',
      `Factors present in each dimension at ${series.length} assessments from ${first} to ${last}; the figures are in the table beside the chart.`,
    ),
  ]
  for (const n of [0, 3, 6, 9, 13]) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(n).toFixed(1)}" y2="${y(n).toFixed(1)}" stroke="${COLOURS.lightGrey}" stroke-width="1"/>`,
      text(left - 8, y(n) + 5, String(n), 'text-anchor="end"'),
    )
  }
  series.forEach((s, i) => {
    parts.push(text(x(i), top + plotH + 20, s.assessedOn, 'text-anchor="middle" font-size="12"'))
  })
  for (const d of VAF_DIMENSIONS) {
    const style = STYLE[d]
    const points = series.map((s, i) => [x(i), y(s.present[d])] as const)
    const path = points
      .map(([px, py], i) => {
        if (i === 0) return `M${px.toFixed(1)} ${py.toFixed(1)}`
        const prev = points[i - 1] as readonly [number, number]
        return `L${px.toFixed(1)} ${prev[1].toFixed(1)} L${px.toFixed(1)} ${py.toFixed(1)}`
      })
      .join(' ')
    parts.push(
      `<path d="${path}" fill="none" stroke="${style.colour}" stroke-width="3"${style.dash}/>`,
      ...points.map(([px, py]) => style.marker(px, py)),
    )
  }
  VAF_DIMENSIONS.forEach((d, i) => {
    const ly = top + plotH + 48 + i * 20
    const style = STYLE[d]
    parts.push(
      `<line x1="${left}" x2="${left + 36}" y1="${ly - 5}" y2="${ly - 5}" stroke="${style.colour}" stroke-width="3"${style.dash}/>`,
      style.marker(left + 18, ly - 5),
      text(left + 46, ly, VAF_DIMENSION_LABELS[d]),
    )
  })
  parts.push('</svg>')
  return parts.join('\n')
}
