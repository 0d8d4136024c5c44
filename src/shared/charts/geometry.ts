import type { LonLat } from './projection.ts'

// GeoJSON polygons of ONS areas (wards, LSOAs) as the crime store keeps them, and which of them a
// point falls in: a point chosen on a map is named by its ward and LSOA.

export type Ring = LonLat[]
/** Each polygon is its outer ring followed by its holes. */
export type Polygons = Ring[][]

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: unknown
}

export function polygonsOf(geometry: Geometry): Polygons {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][]
  throw new Error(`Unsupported geometry type ${(geometry as { type: string }).type}`)
}

/** Even-odd ray casting: true when the point is inside the ring (a point on its edge may go either way). */
function inRing([x, y]: LonLat, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LonLat
    const [xj, yj] = ring[j] as LonLat
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** True when the point is inside one of the polygons and in none of that polygon's holes. */
export function containsPoint(polygons: Polygons, point: LonLat): boolean {
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  )
}

/** The first of the areas whose boundary holds the point, or null when none does. */
export function areaAt<A extends { geometry: string }>(areas: readonly A[], point: LonLat): A | null {
  for (const area of areas)
    if (containsPoint(polygonsOf(JSON.parse(area.geometry) as Geometry), point)) return area
  return null
}
