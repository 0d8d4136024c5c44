import { describe, expect, it } from 'vitest'
import { barChart } from '../../../shared/charts/bar.ts'
import { topShare } from '../pages/insights.view.ts'
import { choropleth } from './choropleth.ts'

// Arial's advance widths (in 1/1000 em) for the capitals of the longest Home Office category.
const ARIAL_CAPS: Record<string, number> = {
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  G: 778,
  I: 278,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  Y: 667,
  ' ': 278,
}

describe('charts a reader can read in full', () => {
  it('fits the longest category label in the bar chart, uncut, on the page and in Word', () => {
    const label = 'MISCELLANEOUS CRIMES AGAINST SOCIETY'
    const svg = barChart('t', 'Crimes by type', [
      { label, value: 120 },
      { label: 'THEFT', value: 900 },
    ])
    expect(svg).toContain(`>${label}</text>`)
    // The label is right-aligned at x: it fits when x is at least its width at 14px.
    const x = Number(svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*text-anchor="end">${label}<`))?.[1])
    const width = ([...label].reduce((s, ch) => s + (ARIAL_CAPS[ch] ?? 722), 0) * 14) / 1000
    expect(x).toBeGreaterThanOrEqual(width)
  })

  it('titles the map key and names each area, with its context, on hover', () => {
    const square = JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [0, 51],
          [0.01, 51],
          [0.01, 51.01],
          [0, 51],
        ],
      ],
    })
    const svg = choropleth(
      'm',
      'Map',
      [{ code: 'E01', name: 'Southwark 020A', geometry: square, value: 12, context: 'Peckham ward' }],
      { valueLabel: 'crimes per 1,000 residents' },
    )
    expect(svg).toContain('>Key: crimes per 1,000 residents</text>')
    expect(svg).toContain('<title>Southwark 020A (Peckham ward): 12 crimes per 1,000 residents</title>')
  })

  it('says how many LSOAs the top share covers, in words that agree', () => {
    expect(topShare({ share: 34.25, areas: 1 }, '5%')).toBe('34.3% of crime in the top 5% of LSOAs (1 LSOA)')
    expect(topShare({ share: 50, areas: 9 }, '10%')).toBe('50% of crime in the top 10% of LSOAs (9 LSOAs)')
  })
})
