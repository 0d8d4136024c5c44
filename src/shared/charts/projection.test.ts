import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type LonLat, mapProjection, metresBetween } from './projection.ts'

// The projection a map is drawn in and its inverse, on Southwark's ward boundaries from the demo
// data: a click on the drawn map must come back as the place it was drawn for.

const WARDS = JSON.parse(
  readFileSync(new URL('../../../demo-data/areas/southwark_wards_wd24_bgc.geojson', import.meta.url), 'utf8'),
) as { features: Array<{ properties: { LONG: number; LAT: number }; geometry: { coordinates: LonLat[][] } }> }

const outline = WARDS.features.flatMap((f) => f.geometry.coordinates[0] ?? [])

describe('the maps’ projection', () => {
  const projection = mapProjection(outline) as NonNullable<ReturnType<typeof mapProjection>>

  it('fits the points into the map’s width, north at the top, inside the margins', () => {
    expect(projection.width).toBe(540)
    expect(projection.mapWidth).toBe(520)
    const xs = outline.map(([lon, lat]) => projection.project(lon, lat)[0])
    const ys = outline.map(([lon, lat]) => projection.project(lon, lat)[1])
    expect(Math.min(...xs)).toBeCloseTo(10, 9)
    expect(Math.max(...xs)).toBeCloseTo(530, 9)
    expect(Math.min(...ys)).toBeCloseTo(10, 9)
    expect(Math.max(...ys)).toBeCloseTo(projection.height - 10, 9)
    // Southwark is taller than it is wide once longitude is scaled by cos(latitude).
    expect(projection.height).toBeGreaterThan(projection.width)
  })

  it('turns each ward’s label point into pixels and back to within a millimetre', () => {
    for (const { properties } of WARDS.features) {
      const at: LonLat = [properties.LONG, properties.LAT]
      const [x, y] = projection.project(...at)
      expect(metresBetween(projection.invert(x, y), at)).toBeLessThan(0.001)
    }
  })

  it('comes back within a few metres from the whole pixels a browser sends for a click', () => {
    // A pixel's side on the ground, from two neighbouring pixels in the map's middle.
    const pixel = metresBetween(projection.invert(270, 300), projection.invert(271, 300))
    expect(pixel).toBeGreaterThan(10)
    expect(pixel).toBeLessThan(30)
    for (const { properties } of WARDS.features) {
      const at: LonLat = [properties.LONG, properties.LAT]
      const [x, y] = projection.project(...at).map(Math.round) as [number, number]
      // At most half a pixel out each way.
      expect(metresBetween(projection.invert(x, y), at)).toBeLessThan(pixel * Math.SQRT1_2 + 0.01)
    }
    // A click's pixel, turned into a place and drawn again, lands on the same pixel.
    const [lon, lat] = projection.invert(123, 456)
    expect(projection.project(lon, lat).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([123, 456])
  })

  it('measures distances as the haversine does: a degree of latitude is about 111 km', () => {
    expect(metresBetween([-0.08, 51], [-0.08, 52])).toBeCloseTo(111_195, -1)
    expect(metresBetween([0, 51.5], [0, 51.5])).toBe(0)
  })

  it('has no projection for no points', () => {
    expect(mapProjection([])).toBeNull()
  })
})
