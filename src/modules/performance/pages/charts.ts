import { COLOURS, escapeXml, formatNumber, niceMax, svgOpen, text } from '../../../shared/svg.ts'
import type { Series } from '../status.ts'

// An indicator's chart, drawn on the server: its value, target, comparators and (monthly counts)
// control limits, over its periods. Every chart has its figures in a table beside it; the chart's
// description says them too, for those who cannot see it.

interface Line {
  name: string
  values: Array<number | null>
  colour: string
  dashed?: boolean
  points?: boolean
}

function linesOf(series: Series): Line[] {
  const lines: Line[] = [
    { name: 'Value', values: series.points.map((p) => p.value), colour: COLOURS.blue, points: true },
  ]
  if (series.points.some((p) => p.target !== null))
    lines.push({
      name: 'Target',
      values: series.points.map((p) => p.target),
      colour: COLOURS.black,
      dashed: true,
    })
  for (const name of series.comparatorNames)
    lines.push({
      name,
      values: series.points.map((p) => p.comparators[name] ?? null),
      colour: COLOURS.orange,
    })
  const chart = series.chart
  if (chart) {
    const flat = (v: number) => series.points.map(() => v)
    lines.push({ name: 'Mean', values: flat(chart.mean), colour: COLOURS.grey })
    lines.push({ name: 'Control limits (3σ)', values: flat(chart.upper), colour: COLOURS.grey, dashed: true })
    lines.push({ name: '', values: flat(chart.lower), colour: COLOURS.grey, dashed: true })
  }
  return lines
}

function path(values: Array<number | null>, x: (i: number) => number, y: (v: number) => number): string[] {
  const segments: string[] = []
  let current: string[] = []
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '))
      current = []
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
  })
  if (current.length) segments.push(current.join(' '))
  return segments
}

/** The full chart for the indicator page. */
export function indicatorChart(id: string, title: string, series: Series): string {
  const left = 64
  const top = 56
  const plotWidth = 560
  const plotHeight = 220
  const width = left + plotWidth + 20
  const height = top + plotHeight + 40
  const lines = linesOf(series)
  const all = lines.flatMap((l) => l.values.filter((v): v is number => v !== null))
  const max = niceMax(Math.max(0, ...all))
  const n = series.points.length
  const x = (i: number) => left + (n <= 1 ? plotWidth / 2 : (i / (n - 1)) * plotWidth)
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => f * max)
    .map(
      (t) =>
        `<line x1="${left}" x2="${left + plotWidth}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${COLOURS.lightGrey}"/>${text(left - 6, y(t) + 5, formatNumber(t), 'text-anchor="end"')}`,
    )
    .join('')
  const first = series.points[0]?.period ?? ''
  const last = series.points.at(-1)?.period ?? ''
  const axis = `${text(left, top + plotHeight + 22, first, 'text-anchor="start"')}${n > 1 ? text(left + plotWidth, top + plotHeight + 22, last, 'text-anchor="end"') : ''}`
  const drawn = lines
    .map((l) => {
      const dash = l.dashed ? ' stroke-dasharray="6 4"' : ''
      const polylines = path(l.values, x, y)
        .map(
          (pts) =>
            `<polyline fill="none" stroke="${l.colour}" stroke-width="${l.points ? 3 : 2}"${dash} points="${pts}"/>`,
        )
        .join('')
      const dots = l.points
        ? l.values
            .map((v, i) =>
              v === null
                ? ''
                : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${series.points[i]?.outsideLimits ? 6 : 3}" fill="${series.points[i]?.outsideLimits ? COLOURS.orange : l.colour}"/>`,
            )
            .join('')
        : ''
      return polylines + dots
    })
    .join('')
  const key = lines
    .filter((l) => l.name)
    .map((l, k) => {
      const kx = left + (k % 3) * 190
      const ky = 14 + Math.floor(k / 3) * 20
      return `<line x1="${kx}" x2="${kx + 24}" y1="${ky}" y2="${ky}" stroke="${l.colour}" stroke-width="3"${l.dashed ? ' stroke-dasharray="6 4"' : ''}/>${text(kx + 30, ky + 5, l.name)}`
    })
    .join('')
  const description = lines
    .filter((l) => l.name && !['Mean', 'Control limits (3σ)'].includes(l.name))
    .map(
      (l) =>
        `${l.name}: ${series.points.map((p, i) => `${p.period} ${l.values[i] === null ? 'no figure' : formatNumber(l.values[i] as number)}`).join(', ')}`,
    )
    .join('. ')
  return `${svgOpen(id, width, height, title, description)}${grid}${axis}${drawn}${key}</svg>`
}

/** A small line of the values for a dashboard tile; its figures are in the tile's words. */
export function sparkline(id: string, title: string, values: Array<number | null>): string {
  const width = 200
  const height = 48
  const shown = values.slice(-24)
  const known = shown.filter((v): v is number => v !== null)
  const max = Math.max(...known, 0)
  const min = Math.min(...known, max)
  const span = max - min || 1
  const x = (i: number) => 4 + (shown.length <= 1 ? (width - 8) / 2 : (i / (shown.length - 1)) * (width - 8))
  const y = (v: number) => height - 6 - ((v - min) / span) * (height - 12)
  const lines = path(shown, x, y)
    .map((pts) => `<polyline fill="none" stroke="${COLOURS.blue}" stroke-width="2" points="${pts}"/>`)
    .join('')
  const dots =
    known.length === 1
      ? `<circle cx="${x(shown.findIndex((v) => v !== null)).toFixed(1)}" cy="${y(known[0] as number).toFixed(1)}" r="3" fill="${COLOURS.blue}"/>`
      : ''
  const description = `The last ${shown.length} periods: ${shown.map((v) => (v === null ? 'no figure' : formatNumber(v))).join(', ')}`
  return `<svg xmlns="http://www.w3.org/2000/svg" class="safer-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${lines}${dots}</svg>`
}
