import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { areaAt, containsPoint, type Polygons } from './geometry.ts'

// Which area a point falls in, on hand-drawn shapes with a hole and a second part, and on
// Southwark's real ward and LSOA boundaries from the demo data.

const square = (x: number, y: number, side: number): Array<[number, number]> => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
]

type Collection = {
  features: Array<{
    properties: Record<string, string | number>
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
  }>
}
const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../demo-data/areas/${file}`, import.meta.url), 'utf8')) as Collection

describe('point in polygon', () => {
  // A square with a square hole in its middle, and a second square apart from it.
  const withHole: Polygons = [[square(0, 0, 10), square(4, 4, 2)], [square(20, 0, 2)]]

  it('is inside the outer ring, not in its hole, and inside any part of a multipolygon', () => {
    expect(containsPoint(withHole, [1, 1])).toBe(true)
    expect(containsPoint(withHole, [5, 5])).toBe(false)
    expect(containsPoint(withHole, [21, 1])).toBe(true)
    expect(containsPoint(withHole, [15, 5])).toBe(false)
    expect(containsPoint(withHole, [-1, 5])).toBe(false)
  })

  it('follows a concave outline: the notch of an L is outside', () => {
    const l: Polygons = [
      [
        [
          [0, 0],
          [4, 0],
          [4, 1],
          [1, 1],
          [1, 4],
          [0, 4],
          [0, 0],
        ],
      ],
    ]
    expect(containsPoint(l, [0.5, 3])).toBe(true)
    expect(containsPoint(l, [3, 0.5])).toBe(true)
    expect(containsPoint(l, [3, 3])).toBe(false)
  })

  const wards = read('southwark_wards_wd24_bgc.geojson').features.map((f) => ({
    code: String(f.properties.WD24CD),
    geometry: JSON.stringify(f.geometry),
    at: [Number(f.properties.LONG), Number(f.properties.LAT)] as [number, number],
  }))

  it('finds the Southwark ward each ward’s own label point lies in, and none outside the borough', () => {
    expect(wards.length).toBeGreaterThan(20)
    for (const w of wards) expect(areaAt(wards, w.at)?.code, w.code).toBe(w.code)
    // Trafalgar Square, across the river in Westminster.
    expect(areaAt(wards, [-0.128, 51.508])).toBeNull()
  })

  it('puts each ward’s label point in exactly one of the borough’s LSOAs, which tile it', () => {
    const lsoas = read('southwark_lsoa21_gen20.geojson').features.map((f) => ({
      code: String(f.properties.LSOA21CD),
      geometry: JSON.stringify(f.geometry),
    }))
    expect(lsoas.length).toBeGreaterThan(100)
    for (const w of wards)
      expect(
        lsoas.filter((l) => areaAt([l], w.at)),
        w.code,
      ).toHaveLength(1)
  })
})
