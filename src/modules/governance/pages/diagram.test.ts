import { describe, expect, it } from 'vitest'
import { connected, levels, reportingLinesSvg } from './diagram.ts'

const executive = { id: 1, name: 'Safeguarding Executive' }
const adults = { id: 2, name: 'Safeguarding Adults Board' }
const delivery = { id: 3, name: 'Safer Communities Delivery Group' }
const other = { id: 4, name: 'Youth Crime Management Board' }
const lines = [
  { board: delivery, reportsTo: adults },
  { board: delivery, reportsTo: executive },
  { board: adults, reportsTo: executive },
]

describe('reporting-line diagram', () => {
  it('puts each board below every board it reports to', () => {
    const level = levels([executive, adults, delivery], lines)
    expect([level.get(1), level.get(2), level.get(3)]).toEqual([0, 1, 2])
  })

  it('draws the boards joined to this one, each named, with an arrow per line', () => {
    const boards = connected(3, lines)
    expect(boards.map((b) => b.id).sort()).toEqual([1, 2, 3])
    expect(connected(4, lines)).toEqual([])
    const svg = reportingLinesSvg(boards, lines, 3, 'lines')
    expect(svg).toContain('role="img"')
    expect(svg).toContain('<title id="lines">Reporting lines</title>')
    expect(svg).toContain('Safer Communities Delivery Group reports to Safeguarding Adults Board.')
    expect(svg.match(/<line /g)).toHaveLength(3)
    expect(svg.match(/<rect /g)).toHaveLength(3)
    expect(reportingLinesSvg([other], [], 4, 'x')).toContain('Youth Crime')
  })
})

describe('meeting dates', () => {
  it('reads a meeting’s time as the partnership writes it', async () => {
    const { meetingWhen } = await import('./common.ts')
    expect(meetingWhen('2011-10-06T18:30')).toBe('Thursday 6 October 2011, 18:30')
  })
})
