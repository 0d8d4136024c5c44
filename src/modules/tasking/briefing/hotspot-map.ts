import { choropleth } from '../../../shared/charts/choropleth.ts'
import type { BriefingFigures, HotspotRow } from './model.ts'

// The briefing's hotspots on a map: every ward or LSOA in the area shaded by its crimes in the month,
// beside the table of the hotspots. Boundaries are the crime store's, asked for through its service
// when the briefing is shown; the counts are the briefing's own, as kept.

export interface Shape {
  code: string
  name: string
  geometry: string
}

export interface HotspotShapes {
  wards: Shape[]
  lsoas: Shape[]
}

/** The map's SVG, or null where no boundaries are loaded (the briefing then draws its bar chart). */
export function hotspotMap(
  id: string,
  title: string,
  f: BriefingFigures,
  level: 'wards' | 'lsoas',
  shapes: Shape[],
): string | null {
  if (shapes.length === 0) return null
  const hotspots: HotspotRow[] = f.hotspots[level]
  // Older briefings kept the hotspots alone: then only they are shaded.
  const counts = new Map(
    (f.areaCounts?.[level] ?? hotspots.map((h) => ({ code: h.code, count: h.count }))).map((c) => [
      c.code,
      c.count,
    ]),
  )
  const wardOf = new Map(f.hotspots.lsoas.map((l) => [l.code, l.wardName]))
  const svg = choropleth(
    id,
    title,
    shapes.map((s) => ({ ...s, value: counts.get(s.code) ?? null, context: wardOf.get(s.code) ?? null })),
    {
      valueLabel: 'crimes',
      tableSays: `The table beside the map lists the ${hotspots.length} with most crimes.`,
    },
  )
  return svg || null
}
