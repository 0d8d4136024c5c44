// GeoJSON polygons as the crime store keeps boundaries (WGS84), for drawing on the activity map.

export type Ring = Array<[number, number]>

/** Each polygon's outer ring and holes, for a Polygon or a MultiPolygon; nothing for anything else. */
export function ringsOf(geometry: string): Ring[][] {
  const g = JSON.parse(geometry) as { type: string; coordinates: unknown }
  if (g.type === 'Polygon') return [g.coordinates as Ring[]]
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][]
  return []
}

/**
 * A projection of longitude and latitude into a box `width` wide: equirectangular, scaled by the
 * cosine of the middle latitude, which at borough scale is indistinguishable from the national grid.
 */
export function projection(points: Array<[number, number]>, width: number, margin: number) {
  const lons = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  const minLon = Math.min(...lons)
  const maxLon = Math.max(...lons)
  const minLat = Math.min(...lats)
  const maxLat = Math.max(...lats)
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const scale = (width - 2 * margin) / ((maxLon - minLon) * k || 1)
  return {
    height: (maxLat - minLat) * scale + 2 * margin,
    x: (lon: number) => margin + (lon - minLon) * k * scale,
    y: (lat: number) => margin + (maxLat - lat) * scale,
  }
}
