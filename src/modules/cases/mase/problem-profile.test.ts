import { describe, expect, it } from 'vitest'
import { type LinkedPlace, profileCsv, profileLeavingPanel, sharedPlaces } from './problem-profile.ts'

const link = (
  placeIndex: string,
  caseId: number,
  child: number,
  locationType: LinkedPlace['locationType'] = 'hotel',
) => ({
  placeIndex,
  place: `Place ${placeIndex}`,
  locationType,
  caseId,
  childSubjectIds: [child],
})

/** n places of a type, each linked to two children. */
const places = (n: number, locationType: LinkedPlace['locationType']) =>
  Array.from({ length: n }, (_, i) => [
    link(`${locationType}-${i}`, 100 + i, 1000 + i, locationType),
    link(`${locationType}-${i}`, 200 + i, 2000 + i, locationType),
  ]).flat()

describe('the MASE problem profile', () => {
  it('lists a place linked to two children, not one linked to one child twice', () => {
    const shared = sharedPlaces([
      link('a', 1, 11),
      link('a', 2, 12),
      link('b', 3, 13),
      link('b', 4, 13),
      link('c', 5, 14),
    ])
    expect(shared).toEqual([
      { place: 'Place a', locationType: 'hotel', locationTypeLabel: 'Hotel', children: 2, caseIds: [1, 2] },
    ])
  })

  it('shows a count of 4 as <5 and of 5 as 5 when it leaves the panel, withholding a total that would reveal it', () => {
    const four = profileLeavingPanel(sharedPlaces([...places(4, 'hotel'), ...places(5, 'park')]))
    expect(four.rows.find((r) => r.locationType === 'hotel')).toMatchObject({ places: '<5', children: 8 })
    expect(four.rows.find((r) => r.locationType === 'park')).toMatchObject({ places: 5, children: 10 })
    expect(four.rows.find((r) => r.locationType === 'takeaway')).toMatchObject({ places: 0, children: 0 })
    expect(four.total).toEqual({ places: 'suppressed', children: 18 })
    const five = profileLeavingPanel(sharedPlaces(places(5, 'hotel')))
    expect(five.total).toEqual({ places: 5, children: 10 })
  })

  it('writes counts alone to the CSV, never a place', () => {
    const csv = profileCsv(profileLeavingPanel(sharedPlaces(places(4, 'takeaway'))))
    expect(csv).toContain('Takeaway,<5,8')
    expect(csv).not.toContain('Place ')
  })
})
