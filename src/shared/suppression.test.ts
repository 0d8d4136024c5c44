import { describe, expect, it } from 'vitest'
import {
  countFor,
  countLeavingPanel,
  isSmallCount,
  proportion,
  proportionFor,
  proportionLeavingPanel,
} from './suppression.ts'

describe('small-count suppression', () => {
  it('shows 1 to 4 as <5 outside the panel, and 0 and 5 as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(countLeavingPanel)).toEqual([0, '<5', '<5', '<5', '<5', 5, 120])
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false])
    expect(countFor('panel', 3)).toBe(3)
    expect(countFor('leaving-panel', 3)).toBe('<5')
  })

  it('withholds a percentage on a small numerator or denominator', () => {
    expect(proportionLeavingPanel(proportion(3, 40))).toEqual({
      numerator: '<5',
      denominator: 40,
      value: 'suppressed',
    })
    expect(proportionLeavingPanel(proportion(2, 4))).toEqual({
      numerator: '<5',
      denominator: '<5',
      value: 'suppressed',
    })
    expect(proportionLeavingPanel(proportion(0, 3))).toEqual({
      numerator: 0,
      denominator: '<5',
      value: 'suppressed',
    })
    expect(proportionLeavingPanel(proportion(10, 40))).toEqual({ numerator: 10, denominator: 40, value: 25 })
  })

  it('shows 0 of a whole as 0%, and nothing of nothing as no value', () => {
    expect(proportionLeavingPanel(proportion(0, 40))).toEqual({ numerator: 0, denominator: 40, value: 0 })
    expect(proportionLeavingPanel(proportion(0, 0))).toEqual({ numerator: 0, denominator: 0, value: null })
  })

  it('withholds a count whose complement is small, since the whole gives the small one back', () => {
    // 37 of 40 would say that 3 are not.
    expect(proportionLeavingPanel(proportion(37, 40))).toEqual({
      numerator: 'suppressed',
      denominator: 40,
      value: 'suppressed',
    })
    expect(proportionLeavingPanel(proportion(40, 40))).toEqual({ numerator: 40, denominator: 40, value: 100 })
    expect(proportionLeavingPanel(proportion(35, 40))).toEqual({
      numerator: 35,
      denominator: 40,
      value: 87.5,
    })
    // A rate on a population has no such complement.
    expect(proportionLeavingPanel(proportion(12, 14, 10_000), { complement: false })).toMatchObject({
      numerator: 12,
      denominator: 14,
    })
  })

  it('gives the panel every figure exactly', () => {
    expect(proportionFor('panel', proportion(1, 3))).toEqual({
      numerator: 1,
      denominator: 3,
      value: (1 / 3) * 100,
    })
  })
})
