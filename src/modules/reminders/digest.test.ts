import { describe, expect, it } from 'vitest'
import { headline, managerSummary } from './digest.ts'

describe('reminder e-mails', () => {
  it('gives a long outcome’s opening words, whole words only, and a short one as written', () => {
    expect(headline('Monthly  tactical\ntasking meetings')).toBe('Monthly tactical tasking meetings')
    expect(headline('')).toBe('Outcome not written')
    const long = `${'word '.repeat(60)}end`
    const cut = headline(long)
    expect(cut.length).toBeLessThanOrEqual(151)
    expect(cut.endsWith('word…')).toBe(true)
  })

  it('escapes what it puts in the HTML, and keeps the text plain', () => {
    const plan = { id: 3, title: 'Plan <b>& co</b>' }
    const totals = { deliverables: 2, red: 1, overdue: 0, stale: 0, neverUpdated: 1 }
    const message = managerSummary(
      'Sam <Jones>',
      [{ plan, themes: [{ theme: 'A & B', ...totals }], total: totals }],
      { reminded: 1, notReached: 0 },
      { publicUrl: 'https://safer.example', staleDays: 90 },
    )
    expect(message.html).toContain('Dear Sam &lt;Jones&gt;,')
    expect(message.html).toContain('<h2>Plan &lt;b&gt;&amp; co&lt;/b&gt;</h2>')
    expect(message.html).toContain('href="https://safer.example/plans/3?theme=A+%26+B"')
    expect(message.html).not.toContain('<b>')
    expect(message.text).toContain('Plan <b>& co</b>')
    expect(message.text).toContain(
      '- A & B, 2 deliverables: 1 red, 0 overdue, 0 with no update, 1 never updated.',
    )
    expect(message.text).toContain('1 lead is sent their own reminder this week.')
  })
})
