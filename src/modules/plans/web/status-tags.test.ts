import { describe, expect, it } from 'vitest'
import { flagTags, ragItems, ragTag } from './status-tags.ts'

describe('RAG and flag tags', () => {
  it('gives every RAG status words as well as a colour', () => {
    expect(ragTag('amber')).toEqual({ text: 'Amber – at risk', classes: 'govuk-tag--orange' })
    expect(ragTag('blue')).toEqual({ text: 'Blue – complete', classes: '' })
    expect(ragTag('not-rated').text).toBe('Not rated')
  })

  it('lists only the flags that are set, in a fixed order', () => {
    expect(flagTags({ overdue: false, stale: false, endBeforeStart: false, neverUpdated: false })).toEqual([])
    expect(
      flagTags({ endBeforeStart: true, stale: true, overdue: true, neverUpdated: false }).map((t) => t.text),
    ).toEqual(['Overdue', 'No update', 'End before start'])
  })

  it('checks the current RAG among the choices', () => {
    const items = ragItems('red')
    expect(items).toHaveLength(6)
    expect(items.filter((i) => i.checked).map((i) => i.value)).toEqual(['red'])
  })
})
