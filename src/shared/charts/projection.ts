// The projection every map of ONS areas is drawn in, and its inverse: a click on a drawn map (an
// image submit button sends its x and y) turns back into the latitude and longitude it stands for.
// Equirectangular, scaled by cos(latitude) at the middle of the map: at borough scale it is
// indistinguishable from the Ordnance Survey's, and simple enough to invert exactly.

/** A longitude and latitude (WGS84), in GeoJSON's order. */
export type LonLat = [number, number]

export interface MapProjection {
  /** The drawn map's size in pixels, margins included. */
  width: number
  height: number
  /** The size of the area the points fill, without the margins. */
  mapWidth: number
  mapHeight: number
  /** Pixels from the map's top left corner for a longitude and latitude. */
  project(lon: number, lat: number): [x: number, y: number]
  /** The longitude and latitude a pixel of the map stands for. */
  invert(x: number, y: number): LonLat
}

/**
 * The projection of a map fitting these points into `mapWidth` pixels across, with `margin` pixels
 * around it; null when there are no points to fit.
 */
export function mapProjection(points: readonly LonLat[], mapWidth = 520, margin = 10): MapProjection | null {
  if (points.length === 0) return null
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity]
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon)
    maxLon = Math.max(maxLon, lon)
    minLat = Math.min(minLat, lat)
    maxLat = Math.max(maxLat, lat)
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const scale = mapWidth / ((maxLon - minLon) * k || 1)
  const mapHeight = (maxLat - minLat) * scale
  return {
    width: mapWidth + 2 * margin,
    height: mapHeight + 2 * margin,
    mapWidth,
    mapHeight,
    project: (lon, lat) => [margin + (lon - minLon) * k * scale, margin + (maxLat - lat) * scale],
    invert: (x, y) => [minLon + (x - margin) / (k * scale), maxLat - (y - margin) / scale],
  }
}

/** The distance in metres between two points (haversine), to say how near two points are. */
export function metresBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a))
}
