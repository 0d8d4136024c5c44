import { describe, expect, it } from 'vitest'
import { secondThursday } from './demo-dates.ts'

describe('the demo’s meeting days', () => {
  it('fall on the second Thursday of the month, counted across years', () => {
    expect(secondThursday('2026-11-15', 0)).toBe('2026-11-12')
    expect(secondThursday('2026-11-15', 1)).toBe('2026-12-10')
    expect(secondThursday('2026-11-15', -12)).toBe('2025-11-13')
    expect(secondThursday('2026-01-31', -1)).toBe('2025-12-11')
    // October 2026 starts on a Thursday: its second is the 8th.
    expect(secondThursday('2026-10-01', 0)).toBe('2026-10-08')
  })
})
