// Community tension's trend is not entered: it is read from the assessment before, so it cannot
// disagree with the history the chart draws.

export type Trend = 'rising' | 'stable' | 'falling'

export const TREND_LABELS: Record<Trend, string> = { rising: 'Rising', stable: 'Stable', falling: 'Falling' }

/** The trend of a level against the area's previous assessment; null for an area's first. */
export function trendOf(level: number, previousLevel: number | null | undefined): Trend | null {
  if (previousLevel === null || previousLevel === undefined) return null
  if (level > previousLevel) return 'rising'
  if (level < previousLevel) return 'falling'
  return 'stable'
}

export interface Assessed {
  id: number
  areaName: string
  assessedOn: string
  level: number
}

/** Assessments in order within each area (by day, then as entered), each with its previous level. */
export function withPrevious<A extends Assessed>(
  assessments: A[],
): Array<A & { previousLevel: number | null }> {
  const sorted = [...assessments].sort(
    (a, b) => a.areaName.localeCompare(b.areaName) || a.assessedOn.localeCompare(b.assessedOn) || a.id - b.id,
  )
  const last = new Map<string, number>()
  const out = new Map<number, A & { previousLevel: number | null }>()
  for (const a of sorted) {
    out.set(a.id, { ...a, previousLevel: last.get(a.areaName) ?? null })
    last.set(a.areaName, a.level)
  }
  return assessments.map((a) => out.get(a.id) as A & { previousLevel: number | null })
}
