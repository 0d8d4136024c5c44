import { describe, expect, it } from 'vitest'
import { matchActions, matchDeliverables, matchThemes, normaliseText, SIMILAR, similarity } from './match.ts'

const stored = (outcome: string, archived = false) => ({ outcome, archived })

describe('the re-import matching rule', () => {
  it('normalises case, punctuation and spacing, and nothing else', () => {
    expect(normaliseText('  Annual Strategic Assessment – refresh, COMPLETED. ')).toBe(
      'annual strategic assessment refresh completed',
    )
    expect(normaliseText('*3')).toBe('*3')
  })

  it('scores word overlap from 0 to 1', () => {
    expect(similarity('a b c d', 'a b c d')).toBe(1)
    expect(similarity('a b c d', 'e f g h')).toBe(0)
    expect(similarity('a b c d', 'a b c d e f')).toBeCloseTo(0.8)
    expect(similarity('', '')).toBe(1)
    expect(similarity('a', '')).toBe(0)
  })

  it('matches a deliverable whose outcome differs only in case and punctuation exactly', () => {
    const old = stored('Annual Strategic Assessment refresh completed')
    const result = matchDeliverables([old], [{ outcome: 'annual strategic assessment refresh completed.' }])
    expect(result.matched).toEqual([
      { stored: old, file: { outcome: 'annual strategic assessment refresh completed.' }, near: false },
    ])
    expect(result.added).toEqual([])
    expect(result.gone).toEqual([])
  })

  it('takes a reworded outcome at or above the threshold as the same deliverable, changed', () => {
    const old = stored('Annual Strategic Assessment refresh completed')
    const reworded = { outcome: 'Annual Strategic Assessment refresh completed by March each year' }
    expect(similarity(old.outcome, reworded.outcome)).toBeGreaterThanOrEqual(SIMILAR)
    expect(matchDeliverables([old], [reworded]).matched).toEqual([
      { stored: old, file: reworded, near: true },
    ])
  })

  it('takes an outcome below the threshold as a new deliverable, and the old one as gone', () => {
    const old = stored('Annual Strategic Assessment refresh completed')
    const other = { outcome: 'Youth voice event held with schools' }
    expect(similarity(old.outcome, other.outcome)).toBeLessThan(SIMILAR)
    const result = matchDeliverables([old], [other])
    expect(result.matched).toEqual([])
    expect(result.added).toEqual([other])
    expect(result.gone).toEqual([old])
  })

  it('pairs the most alike first when several near matches compete', () => {
    const a = stored('Panel meets monthly to manage risk of knife carrying')
    const b = stored('Panel meets monthly with schools to share information')
    const fileB = { outcome: 'Panel meets monthly with schools and colleges to share information' }
    const fileA = { outcome: 'Panel meets monthly to manage the risk of knife carrying' }
    const result = matchDeliverables([a, b], [fileB, fileA])
    expect(result.matched.map((m) => [m.stored, m.file])).toEqual([
      [a, fileA],
      [b, fileB],
    ])
  })

  it('keeps two identical outcomes apart, in order', () => {
    const first = stored('TBC')
    const second = stored('TBC')
    const files = [{ outcome: 'TBC' }, { outcome: 'TBC' }]
    const result = matchDeliverables([first, second], files)
    expect(result.matched.map((m) => [m.stored, m.file])).toEqual([
      [first, files[0]],
      [second, files[1]],
    ])
  })

  it('prefers a live deliverable to an archived one with the same outcome, and restores an archived one it finds', () => {
    const archived = stored('Same outcome', true)
    const live = stored('Same outcome')
    expect(matchDeliverables([archived, live], [{ outcome: 'Same outcome' }]).matched[0]?.stored).toBe(live)
    expect(matchDeliverables([archived], [{ outcome: 'Same outcome' }]).matched[0]?.stored).toBe(archived)
  })

  it('matches an action by its number whatever its text now says, and duplicates by the closer text', () => {
    const three = { number: '*3', text: 'Review partnership arrangements', archived: false }
    const fiveA = { number: '5', text: 'Multi-agency panel sharing risk management', archived: false }
    const fiveB = { number: '5', text: 'Information sharing with schools', archived: false }
    const file = [
      { number: '5', text: 'Information sharing with schools and colleges' },
      { number: '*3', text: 'Something else entirely' },
      { number: '5', text: 'Multi-agency panel sharing risk management' },
    ]
    const result = matchActions([three, fiveA, fiveB], file)
    const pairs = new Map(result.matched.map((m) => [m.file, m.stored]))
    expect(pairs.get(file[0] as (typeof file)[0])).toBe(fiveB)
    expect(pairs.get(file[1] as (typeof file)[0])).toBe(three)
    expect(pairs.get(file[2] as (typeof file)[0])).toBe(fiveA)
    expect(result.added).toEqual([])
    expect(result.gone).toEqual([])
  })

  it('never pairs actions with different numbers, and pairs unnumbered ones only on alike text', () => {
    const two = { number: '2', text: 'Same words here', archived: false }
    const unnumbered = { number: null, text: 'Training for front line staff', archived: false }
    const result = matchActions(
      [two, unnumbered],
      [
        { number: '3', text: 'Same words here' },
        { number: null, text: 'Training for all front line staff' },
      ],
    )
    expect(result.matched.map((m) => m.stored)).toEqual([unnumbered])
    expect(result.gone).toEqual([two])
    expect(result.added).toEqual([{ number: '3', text: 'Same words here' }])
  })

  it('matches themes on their title, normalised, or a near title', () => {
    const governance = { title: 'GOVERNANCE', archived: false }
    const ways = { title: 'OFFERING WAYS OUT OF CRIME', archived: false }
    const result = matchThemes(
      [governance, ways],
      [{ title: 'Governance' }, { title: 'Offering ways out of crime now' }],
    )
    expect(result.matched.map((m) => [m.stored, m.near])).toEqual([
      [governance, false],
      [ways, true],
    ])
  })
})
