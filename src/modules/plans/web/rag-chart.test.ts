import { describe, expect, it } from 'vitest'
import type { SummaryRow } from '../plan-summary.ts'
import { CHART_WIDTH, chartDescription, ragChart } from './rag-chart.ts'

const row = (label: string, rag: Partial<SummaryRow['rag']>): SummaryRow => {
  const full = { blue: 0, green: 0, amber: 0, red: 0, 'not-started': 0, 'not-rated': 0, ...rag }
  return {
    label,
    total: Object.values(full).reduce((a, b) => a + b, 0),
    rag: full,
    flags: { overdue: 0, stale: 0, endBeforeStart: 0, neverUpdated: 0 },
  }
}

describe('RAG bar chart', () => {
  const rows = [row('GOVERNANCE', { green: 6, red: 2 }), row('VICTIMS', { amber: 1, 'not-rated': 3 })]
  const chart = ragChart(rows)

  it('draws one bar per theme, stacked in RAG order, scaled to the largest theme', () => {
    expect(chart.bars.map((b) => [b.label, b.total])).toEqual([
      ['GOVERNANCE', 8],
      ['VICTIMS', 4],
    ])
    const [governance, victims] = chart.bars
    expect(governance?.segments.map((s) => s.rag)).toEqual(['green', 'red'])
    const widest = (governance?.segments ?? []).reduce((w, s) => w + s.width, 0)
    expect(widest).toBeGreaterThan(CHART_WIDTH * 0.85)
    expect(widest).toBeLessThan(CHART_WIDTH)
    const half = (victims?.segments ?? []).reduce((w, s) => w + s.width, 0)
    expect(half).toBeCloseTo(widest / 2, 0)
    // Segments follow each other without gaps or overlaps.
    expect(governance?.segments[1]?.x).toBeCloseTo(
      (governance?.segments[0]?.x ?? 0) + (governance?.segments[0]?.width ?? 0),
      0,
    )
  })

  it('writes the letter and count on segments wide enough to hold them', () => {
    const [governance, victims] = chart.bars
    expect(governance?.segments.map((s) => s.label)).toEqual(['G 6', 'R 2'])
    expect(victims?.segments.map((s) => s.label)).toEqual(['A 1', 'NR 3'])
    const narrow = ragChart([row('A', { green: 100, red: 1 })])
    expect(narrow.bars[0]?.segments[1]?.label).toBeNull()
  })

  it('keeps bars and labels apart vertically, inside the drawing', () => {
    const [a, b] = chart.bars
    expect((b?.labelY ?? 0) - (a?.y ?? 0)).toBeGreaterThan(chart.barHeight)
    expect((b?.y ?? 0) + chart.barHeight).toBeLessThanOrEqual(chart.height)
    expect(chart.legend.map((l) => l.text)).toContain('R: Red – off track')
  })

  it('describes the figures in words', () => {
    expect(chartDescription(rows)).toBe(
      'Deliverables in each theme by RAG status. GOVERNANCE: 8 deliverables (6 green – on track, 2 red – off track). VICTIMS: 4 deliverables (1 amber – at risk, 3 not rated). The table gives the same figures.',
    )
  })

  it('copes with a plan with no deliverables', () => {
    expect(ragChart([row('EMPTY', {})]).bars[0]?.segments).toEqual([])
  })
})
