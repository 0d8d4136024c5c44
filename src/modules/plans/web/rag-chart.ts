import type { SummaryRow } from '../plan-summary.ts'
import { RAG_LABELS, RAG_STATUSES, type Rag } from '../rag.ts'

// The geometry of the plan-on-a-page bar chart: one horizontal bar per theme, stacked by RAG.
// The template draws it as SVG. Each status has its own pattern and letter as well as its
// colour, and the table beside the chart carries the figures.

export const CHART_WIDTH = 720
const PLOT_LEFT = 1
const PLOT_RIGHT = CHART_WIDTH - 56 // room for the total after each bar
const LEGEND_ROW = 26
const LABEL_GAP = 22
const BAR_HEIGHT = 30
const BAR_GAP = 20
const MIN_LABELLED = 44

/** Fill, pattern and the letter written on the bar, for each status. */
export const RAG_STYLES: Record<
  Rag,
  { fill: string; pattern: 'solid' | 'stripes' | 'dots' | 'cross' | 'lines' | 'empty'; letter: string }
> = {
  blue: { fill: '#1d70b8', pattern: 'solid', letter: 'B' },
  green: { fill: '#00703c', pattern: 'stripes', letter: 'G' },
  amber: { fill: '#f47738', pattern: 'dots', letter: 'A' },
  red: { fill: '#d4351c', pattern: 'cross', letter: 'R' },
  'not-started': { fill: '#505a5f', pattern: 'lines', letter: 'NS' },
  'not-rated': { fill: '#ffffff', pattern: 'empty', letter: 'NR' },
}

export interface ChartSegment {
  rag: Rag
  x: number
  width: number
  count: number
  /** "G 5" written on the segment when it is wide enough; the table has every figure. */
  label: string | null
  labelX: number
  /** The white box behind the label, so it reads on any pattern. */
  labelWidth: number
}

export interface ChartBar {
  label: string
  labelY: number
  y: number
  total: number
  totalX: number
  segments: ChartSegment[]
}

const round = (n: number) => Math.round(n * 10) / 10

/** A plain-English description of the chart, for its <desc>. */
export function chartDescription(rows: SummaryRow[]): string {
  const parts = rows.map((row) => {
    const counts = RAG_STATUSES.filter((r) => row.rag[r] > 0).map(
      (r) => `${row.rag[r]} ${RAG_LABELS[r].toLowerCase()}`,
    )
    return `${row.label}: ${row.total} deliverable${row.total === 1 ? '' : 's'}${counts.length ? ` (${counts.join(', ')})` : ''}`
  })
  return `Deliverables in each theme by RAG status. ${parts.join('. ')}. The table gives the same figures.`
}

export function ragChart(rows: SummaryRow[]) {
  const legend = RAG_STATUSES.map((rag, i) => ({
    rag,
    text: `${RAG_STYLES[rag].letter}: ${RAG_LABELS[rag]}`,
    x: (i % 3) * 240,
    y: Math.floor(i / 3) * LEGEND_ROW,
  }))
  const top = Math.ceil(RAG_STATUSES.length / 3) * LEGEND_ROW + 16
  const max = Math.max(1, ...rows.map((r) => r.total))
  const scale = (PLOT_RIGHT - PLOT_LEFT) / max
  const bars = rows.map((row, i): ChartBar => {
    const labelY = top + i * (LABEL_GAP + BAR_HEIGHT + BAR_GAP) + 16
    let x = PLOT_LEFT
    const segments: ChartSegment[] = []
    for (const rag of RAG_STATUSES) {
      const count = row.rag[rag]
      if (count === 0) continue
      const width = count * scale
      const text = `${RAG_STYLES[rag].letter} ${count}`
      const labelWidth = text.length * 8 + 8
      const fits = width >= Math.max(MIN_LABELLED, labelWidth + 6)
      segments.push({
        rag,
        x: round(x),
        width: round(width),
        count,
        label: fits ? text : null,
        labelX: round(x + width / 2),
        labelWidth,
      })
      x += width
    }
    return {
      label: row.label.length > 80 ? `${row.label.slice(0, 79)}…` : row.label,
      labelY,
      y: labelY + 6,
      total: row.total,
      totalX: round(x + 8),
      segments,
    }
  })
  const height = top + rows.length * (LABEL_GAP + BAR_HEIGHT + BAR_GAP) + 8
  return {
    width: CHART_WIDTH,
    height,
    barHeight: BAR_HEIGHT,
    legend,
    bars,
    description: chartDescription(rows),
  }
}
