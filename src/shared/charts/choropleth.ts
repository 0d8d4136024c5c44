import { COLOURS, escapeXml, formatNumber, SEQUENTIAL, svgOpen, text } from '../svg.ts'
import { type Geometry, polygonsOf } from './geometry.ts'
import { mapProjection } from './projection.ts'

// Choropleth maps of ONS areas (wards, LSOAs) from the crime store's GeoJSON boundaries (WGS84):
// the crime pages and the tasking meeting's briefing draw theirs here.

export interface MapArea {
  code: string
  name: string
  geometry: string
  value: number | null
  /** Said after the name on hover: the ward an LSOA lies in, for instance. */
  context?: string | null
}

/** Quantile class breaks (upper bounds) for up to five classes of the non-null values. */
export function classBreaks(values: number[], classes = 5): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const breaks = new Set<number>()
  for (let k = 1; k <= classes; k++)
    breaks.add(sorted[Math.min(sorted.length - 1, Math.ceil((k / classes) * sorted.length) - 1)] ?? 0)
  return [...breaks].sort((a, b) => a - b)
}

/**
 * A choropleth of the areas, drawn in the maps' projection (projection.ts), shaded in quantile
 * classes, with a key.
 */
export function choropleth(
  id: string,
  title: string,
  areas: MapArea[],
  options: {
    valueLabel: string /** What the table beside the map gives, when not every figure. */
    tableSays?: string
  },
): string {
  const shapes = areas.map((a) => ({ ...a, polygons: polygonsOf(JSON.parse(a.geometry) as Geometry) }))
  const projection = mapProjection(shapes.flatMap((s) => s.polygons.flatMap((p) => p[0] ?? [])))
  if (!projection) return ''
  const { mapWidth, mapHeight } = projection
  const keyHeight = 60
  const width = mapWidth + 20
  const height = mapHeight + keyHeight + 20
  const xy = ([lon, lat]: [number, number]) =>
    projection
      .project(lon, lat)
      .map((v) => v.toFixed(1))
      .join(',')
  const breaks = classBreaks(shapes.map((s) => s.value).filter((v): v is number => v !== null))
  const fillFor = (v: number | null) => {
    if (v === null) return '#ffffff'
    const i = breaks.findIndex((b) => v <= b)
    return SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, (i < 0 ? breaks.length - 1 : i) + 1)] ?? COLOURS.blue
  }
  const paths = shapes.map((s) => {
    const d = s.polygons.flatMap((polygon) => polygon.map((ring) => `M${ring.map(xy).join('L')}Z`)).join('')
    const label = `${s.name}${s.context ? ` (${s.context})` : ''}: ${s.value === null ? 'no figure' : formatNumber(s.value)} ${options.valueLabel}`
    return `<path d="${d}" fill="${fillFor(s.value)}" fill-rule="evenodd" stroke="${COLOURS.grey}" stroke-width="0.6"><title>${escapeXml(label)}</title></path>`
  })
  let lower = 0
  const key = breaks.map((b, i) => {
    const x = 10 + i * 104
    const y = mapHeight + 46
    const range = i === 0 ? `up to ${formatNumber(b)}` : `${formatNumber(lower)}–${formatNumber(b)}`
    lower = b
    return `<rect x="${x}" y="${y}" width="22" height="16" fill="${fillFor(b)}" stroke="${COLOURS.grey}"/>${text(x + 27, y + 13, range, 'font-size="12"')}`
  })
  const description = `Map of ${areas.length} areas shaded by ${options.valueLabel} in ${breaks.length} classes, darker for more. ${options.tableSays ?? 'The table beside the map gives every figure.'}`
  // The key says what its shades measure.
  const keyTitle = text(10, mapHeight + 36, `Key: ${options.valueLabel}`, 'font-size="13" font-weight="bold"')
  return `${svgOpen(id, width, height, title, description)}<g>${paths.join('\n')}</g>${keyTitle}${key.join('')}</svg>`
}
