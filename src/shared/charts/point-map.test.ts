import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { escapeXml } from '../svg.ts'
import { areaAt } from './geometry.ts'
import { pointMap } from './point-map.ts'

// The map a point is chosen on: Southwark's wards outlined and named, the chosen point marked where
// the projection puts it, and a click on it read back as the place under the pointer.

const WARDS = (
  JSON.parse(
    readFileSync(
      new URL('../../../demo-data/areas/southwark_wards_wd24_bgc.geojson', import.meta.url),
      'utf8',
    ),
  ) as {
    features: Array<{
      properties: { WD24CD: string; WD24NM: string; LONG: number; LAT: number }
      geometry: unknown
    }>
  }
).features.map((f) => ({
  code: f.properties.WD24CD,
  name: f.properties.WD24NM,
  geometry: JSON.stringify(f.geometry),
  label: [f.properties.LONG, f.properties.LAT] as [number, number],
}))

describe('the map to choose a point on', () => {
  it('outlines and names every ward, at the projection’s size, with nothing marked', () => {
    const map = pointMap('Wards of Southwark', WARDS, null)
    if (!map) throw new Error('no map drawn')
    const svg = map.svg
    expect(svg.match(/<path /g)).toHaveLength(WARDS.length)
    for (const w of WARDS) expect(svg).toContain(`>${escapeXml(w.name)}</text>`)
    // Southwark is tall: drawn narrower than the widest map, so that it is at most 700 pixels high.
    expect(svg).toContain(`width="${map.projection.width}"`)
    expect(map.projection.width).toBeLessThan(540)
    expect(map.projection.mapHeight).toBeLessThanOrEqual(700)
    expect(svg).not.toContain('<circle')
  })

  it('marks the point where the projection puts it, and a click there reads back as its ward', () => {
    const peckham = WARDS.find((w) => w.name === 'Peckham')
    expect(peckham).toBeDefined()
    const at = peckham?.label as [number, number]
    const map = pointMap('Wards of Southwark', WARDS, at)
    if (!map) throw new Error('no map drawn')
    const [x, y] = map.projection.project(...at)
    expect(map.svg).toContain(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}"`)
    const clicked = map.projection.invert(Math.round(x), Math.round(y))
    expect(areaAt(WARDS, clicked)?.name).toBe('Peckham')
  })

  it('draws nothing without boundaries', () => {
    expect(pointMap('Nothing', [], [0, 51])).toBeNull()
  })
})
