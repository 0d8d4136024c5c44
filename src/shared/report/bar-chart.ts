import { COLOURS, formatNumber, niceMax, svgOpen, text, textWidth } from '../svg.ts'

export interface Bar {
  label: string
  value: number
}

/** A horizontal bar chart: labels on the left, values at the end of each bar. */
export function barChart(id: string, title: string, bars: Bar[], options: { unit?: string } = {}): string {
  // The label column fits the longest label, so none runs off the left edge (on the page or in Word).
  const labelWidth = Math.max(160, Math.ceil(Math.max(0, ...bars.map((b) => textWidth(b.label)))) + 16)
  const barArea = 360
  const rowHeight = 26
  const width = labelWidth + barArea + 90
  const height = bars.length * rowHeight + 10
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)))
  const description = bars.map((b) => `${b.label}: ${formatNumber(b.value)}${options.unit ?? ''}`).join('; ')
  const rows = bars.map((b, i) => {
    const y = i * rowHeight + 5
    const w = (Math.max(0, b.value) / max) * barArea
    const label = b.label
    return [
      text(labelWidth - 8, y + 17, label, 'text-anchor="end"'),
      `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${COLOURS.blue}"/>`,
      text(labelWidth + w + 6, y + 17, `${formatNumber(b.value)}${options.unit ?? ''}`),
    ].join('')
  })
  return `${svgOpen(id, width, height, title, description)}${rows.join('\n')}</svg>`
}
