import { COLOURS, formatNumber, niceMax, svgOpen, text } from '../../../shared/svg.ts'
import { monthLabel } from '../analysis/months.ts'

export interface Series {
  name: string
  /** One value per month, null where there is no figure. */
  values: Array<number | null>
  dashed?: boolean
  colour?: string
}

/** Monthly line chart with a labelled y axis, month ticks and a key. */
export function lineChart(id: string, title: string, months: string[], series: Series[]): string {
  const left = 60
  const top = 30
  const plotWidth = 620
  const plotHeight = 220
  const width = left + plotWidth + 20
  const height = top + plotHeight + 50
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))))
  const x = (i: number) => left + (months.length <= 1 ? plotWidth / 2 : (i / (months.length - 1)) * plotWidth)
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max)
  const grid = ticks.map(
    (t) =>
      `<line x1="${left}" x2="${left + plotWidth}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${COLOURS.lightGrey}"/>${text(left - 6, y(t) + 5, formatNumber(t), 'text-anchor="end"')}`,
  )
  const every = Math.max(1, Math.ceil(months.length / 8))
  const last = months.length - 1
  // The last month is always labelled, ending at the plot's edge so it is not cut off; a regular
  // label too close before it is dropped so the two do not run together.
  const labels = months
    .map((m, i) => {
      if (i === last && last > 0) return text(x(i), top + plotHeight + 20, monthLabel(m), 'text-anchor="end"')
      if (i % every !== 0 || (last - i < every / 2 + 1 && i !== 0)) return ''
      return text(
        x(i),
        top + plotHeight + 20,
        monthLabel(m),
        i === 0 ? 'text-anchor="start"' : 'text-anchor="middle"',
      )
    })
    .join('')
  const lines = series.map((s, k) => {
    const colour = s.colour ?? (k === 0 ? COLOURS.blue : COLOURS.orange)
    const segments: string[] = []
    let current: string[] = []
    s.values.forEach((v, i) => {
      if (v === null) {
        if (current.length) segments.push(current.join(' '))
        current = []
      } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
    })
    if (current.length) segments.push(current.join(' '))
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : ''
    return segments
      .map(
        (points) => `<polyline fill="none" stroke="${colour}" stroke-width="3"${dash} points="${points}"/>`,
      )
      .join('')
  })
  const key = series
    .map((s, k) => {
      const colour = s.colour ?? (k === 0 ? COLOURS.blue : COLOURS.orange)
      const kx = left + k * 260
      return `<line x1="${kx}" x2="${kx + 24}" y1="14" y2="14" stroke="${colour}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>${text(kx + 30, 19, s.name)}`
    })
    .join('')
  const description = series
    .map(
      (s) =>
        `${s.name}: ${s.values.map((v, i) => `${monthLabel(months[i] ?? '')} ${v === null ? 'no figure' : formatNumber(v)}`).join(', ')}`,
    )
    .join('. ')
  return `${svgOpen(id, width, height, title, description)}${grid.join('')}${labels}${lines.join('')}${key}</svg>`
}
