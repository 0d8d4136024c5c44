import { COLOURS, escapeXml } from '../svg.ts'
import { type Geometry, type Polygons, polygonsOf } from './geometry.ts'
import { type LonLat, type MapProjection, mapProjection } from './projection.ts'

// A map to choose a point on: the areas' outlines, each named, and the point chosen marked. It is
// drawn as an image for an <input type="image">, which sends the click's x and y with the form, so
// choosing needs no JavaScript; the projection turns them back into a place.

/** The most the map itself takes, in pixels, before its margins. */
const WIDTH = 520
const HEIGHT = 700

export interface OutlinedArea {
  code: string
  name: string
  geometry: string
}

export interface PointMap {
  projection: MapProjection
  /** A whole SVG document, to be served as an image. */
  svg: string
}

/** The area-weighted centre of a polygon's outer ring: where its name is written. */
function centreOf(polygons: Polygons): LonLat | null {
  let best: { area: number; at: LonLat } | null = null
  for (const [outer] of polygons) {
    if (!outer || outer.length < 3) continue
    let a = 0
    let cx = 0
    let cy = 0
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      const [xi, yi] = outer[i] as LonLat
      const [xj, yj] = outer[j] as LonLat
      const cross = xj * yi - xi * yj
      a += cross
      cx += (xj + xi) * cross
      cy += (yj + yi) * cross
    }
    if (a !== 0 && (!best || Math.abs(a) > best.area))
      best = { area: Math.abs(a), at: [cx / (3 * a), cy / (3 * a)] }
  }
  return best?.at ?? null
}

/** The map of the areas with the point marked, or null where there are no boundaries to draw. */
export function pointMap(
  title: string,
  areas: readonly OutlinedArea[],
  mark: LonLat | null,
): PointMap | null {
  const shapes = areas.map((a) => ({ ...a, polygons: polygonsOf(JSON.parse(a.geometry) as Geometry) }))
  const outline = shapes.flatMap((s) => s.polygons.flatMap((p) => p[0] ?? []))
  const wide = mapProjection(outline, WIDTH)
  if (!wide) return null
  // A tall area is drawn narrower, so the map fits on a screen beside the form's other questions.
  const projection =
    wide.mapHeight > HEIGHT
      ? (mapProjection(outline, Math.floor((WIDTH * HEIGHT) / wide.mapHeight)) as MapProjection)
      : wide
  const xy = ([lon, lat]: LonLat) =>
    projection
      .project(lon, lat)
      .map((v) => v.toFixed(1))
      .join(',')
  const paths = shapes.map((s) => {
    const d = s.polygons.flatMap((polygon) => polygon.map((ring) => `M${ring.map(xy).join('L')}Z`)).join('')
    return `<path d="${d}" fill="#f3f2f1" fill-rule="evenodd" stroke="${COLOURS.grey}" stroke-width="0.8"/>`
  })
  const names = shapes.flatMap((s) => {
    const at = centreOf(s.polygons)
    if (!at) return []
    const [x, y] = projection.project(...at)
    return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-family="Arial, sans-serif" font-size="10" fill="${COLOURS.black}" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">${escapeXml(s.name)}</text>`
  })
  let marker = ''
  if (mark) {
    const [x, y] = projection.project(...mark).map((v) => v.toFixed(1))
    marker = `<g stroke="${COLOURS.black}" stroke-width="2"><circle cx="${x}" cy="${y}" r="7" fill="${COLOURS.orange}"/><path d="M${x},${Number(y) - 13}V${Number(y) + 13}M${Number(x) - 13},${y}H${Number(x) + 13}" fill="none"/></g>`
  }
  const { width, height } = projection
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height.toFixed(0)}" viewBox="0 0 ${width} ${height.toFixed(0)}"><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#ffffff"/><g>${paths.join('')}</g><g>${names.join('')}</g>${marker}</svg>`
  return { projection, svg }
}
