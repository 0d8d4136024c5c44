import { describe, expect, it } from 'vitest'
import { longDate, planProgressFrom, progressCell } from './progress-cell.ts'

const update = { on: '2026-03-12', text: 'Panel met;  three referrals.' }

describe('the Progress column', () => {
  it('writes the plan’s progress, then the latest update with its date', () => {
    expect(longDate('2026-03-12')).toBe('12 March 2026')
    expect(progressCell('Youth Voice Event Oct 18', update)).toBe(
      'Youth Voice Event Oct 18\n\nLatest progress update, 12 March 2026: Panel met; three referrals.',
    )
    expect(progressCell('', update)).toBe(
      'Latest progress update, 12 March 2026: Panel met; three referrals.',
    )
    expect(progressCell('As written', null)).toBe('As written')
  })

  it('reads the plan’s own progress back, with the update taken off even after white space was squeezed', () => {
    const cell = progressCell('Youth Voice Event Oct 18', update).replace(/\s+/g, ' ')
    expect(planProgressFrom(cell)).toBe('Youth Voice Event Oct 18')
    expect(planProgressFrom(progressCell('', update))).toBe('')
  })

  it('takes off an older or edited update too, and leaves text without one as it is', () => {
    const edited =
      'Youth Voice Event Oct 18 Latest progress update, 2 January 2026: Panel met; four referrals.'
    expect(planProgressFrom(edited)).toBe('Youth Voice Event Oct 18')
    expect(planProgressFrom('Plain text, with the latest progress update: pending')).toBe(
      'Plain text, with the latest progress update: pending',
    )
  })
})
