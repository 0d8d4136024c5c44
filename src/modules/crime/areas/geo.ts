// GeoJSON boundaries in WGS84: which area a point lies in, and shapes for SVG maps. No spatial
// extension is needed (DuckDB's downloads are not available here); areas are small polygons.

export type Ring = Array<[number, number]>
/** A polygon is an outer ring and its holes; a multipolygon is several. */
export type Polygons = Ring[][]

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: unknown
}

export interface BBox {
  minLon: number
  minLat: number
  maxLon: number
  maxLat: number
}

export function polygonsOf(geometry: Geometry): Polygons {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]]
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][]
  throw new Error(`Unsupported geometry type ${(geometry as { type: string }).type}`)
}

export function bboxOf(polygons: Polygons): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity }
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < box.minLon) box.minLon = lon
      if (lon > box.maxLon) box.maxLon = lon
      if (lat < box.minLat) box.minLat = lat
      if (lat > box.maxLat) box.maxLat = lat
    }
  }
  return box
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function containsPoint(polygons: Polygons, lon: number, lat: number): boolean {
  for (const [outer, ...holes] of polygons) {
    if (outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))) return true
  }
  return false
}

export interface Area {
  code: string
  polygons: Polygons
  bbox: BBox
}

/** A grid over the areas' bounding boxes, so each point is tested against a handful of polygons. */
export function areaIndex(areas: Area[], cellsPerSide = 64) {
  const all = areas.reduce(
    (b, a) => ({
      minLon: Math.min(b.minLon, a.bbox.minLon),
      minLat: Math.min(b.minLat, a.bbox.minLat),
      maxLon: Math.max(b.maxLon, a.bbox.maxLon),
      maxLat: Math.max(b.maxLat, a.bbox.maxLat),
    }),
    { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity },
  )
  const w = (all.maxLon - all.minLon) / cellsPerSide || 1
  const h = (all.maxLat - all.minLat) / cellsPerSide || 1
  const cell = (x: number, y: number) => y * cellsPerSide + x
  const clamp = (v: number) => Math.max(0, Math.min(cellsPerSide - 1, v))
  const grid = new Map<number, Area[]>()
  for (const area of areas) {
    const x0 = clamp(Math.floor((area.bbox.minLon - all.minLon) / w))
    const x1 = clamp(Math.floor((area.bbox.maxLon - all.minLon) / w))
    const y0 = clamp(Math.floor((area.bbox.minLat - all.minLat) / h))
    const y1 = clamp(Math.floor((area.bbox.maxLat - all.minLat) / h))
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const list = grid.get(cell(x, y)) ?? []
        list.push(area)
        grid.set(cell(x, y), list)
      }
    }
  }
  return {
    /** The code of the area containing the point, or null outside them all. */
    locate(lon: number, lat: number): string | null {
      if (lon < all.minLon || lon > all.maxLon || lat < all.minLat || lat > all.maxLat) return null
      const candidates =
        grid.get(
          cell(clamp(Math.floor((lon - all.minLon) / w)), clamp(Math.floor((lat - all.minLat) / h))),
        ) ?? []
      for (const area of candidates) {
        const b = area.bbox
        if (
          lon >= b.minLon &&
          lon <= b.maxLon &&
          lat >= b.minLat &&
          lat <= b.maxLat &&
          containsPoint(area.polygons, lon, lat)
        )
          return area.code
      }
      return null
    },
  }
}

export interface BoundaryFeature {
  areaType: 'lsoa21' | 'lsoa11' | 'ward' | 'lad'
  code: string
  name: string
  geometry: Geometry
  bbox: BBox
}

const PROPERTY_KINDS: Array<{ areaType: BoundaryFeature['areaType']; code: RegExp; name: RegExp }> = [
  { areaType: 'lsoa21', code: /^LSOA21CD$/i, name: /^LSOA21NM$/i },
  { areaType: 'lsoa11', code: /^LSOA11CD$/i, name: /^LSOA11NM$/i },
  { areaType: 'ward', code: /^WD\d{2}CD$/i, name: /^WD\d{2}NM$/i },
  { areaType: 'lad', code: /^LAD\d{2}CD$/i, name: /^LAD\d{2}NM$/i },
]

/** Reads a GeoJSON FeatureCollection of LSOAs, wards or local authorities (recognised by its properties). */
export function parseBoundaries(text: string): {
  areaType: BoundaryFeature['areaType']
  features: BoundaryFeature[]
} {
  const doc = JSON.parse(text) as {
    type?: string
    features?: Array<{ properties?: Record<string, unknown>; geometry?: Geometry }>
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features) || doc.features.length === 0) {
    throw new Error('is not a GeoJSON FeatureCollection with features')
  }
  const keys = Object.keys(doc.features[0]?.properties ?? {})
  const kind = PROPERTY_KINDS.find(
    (k) => keys.some((key) => k.code.test(key)) && keys.some((key) => k.name.test(key)),
  )
  if (!kind)
    throw new Error(
      `has no LSOA, ward or local authority code property (its properties are ${keys.join(', ')})`,
    )
  const codeKey = keys.find((k) => kind.code.test(k)) as string
  const nameKey = keys.find((k) => kind.name.test(k)) as string
  const features = doc.features.map((f, i) => {
    const code = String(f.properties?.[codeKey] ?? '')
    if (!code || !f.geometry) throw new Error(`feature ${i + 1} has no ${codeKey} or no geometry`)
    const polygons = polygonsOf(f.geometry)
    return {
      areaType: kind.areaType,
      code,
      name: String(f.properties?.[nameKey] ?? code),
      geometry: f.geometry,
      bbox: bboxOf(polygons),
    }
  })
  return { areaType: kind.areaType, features }
}
