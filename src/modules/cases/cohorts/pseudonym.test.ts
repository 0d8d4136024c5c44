import { describe, expect, it } from 'vitest'
import { caseKey } from '../protection/keys.ts'
import { pseudonymKey, pseudonyms } from './pseudonym.ts'

const KEY = pseudonymKey(caseKey(Buffer.alloc(32, 'pseudonym-test').toString('base64')))

describe('cohort pseudonyms', () => {
  it('are stable for a panel and subject, and differ between panels and keys', () => {
    const first = pseudonyms(KEY, 3, [11, 12])
    expect(first.get(11)).toMatch(/^Cohort member C-[0-9A-F]{4}$/)
    expect(pseudonyms(KEY, 3, [12, 11])).toEqual(first)
    // The same person on another panel cannot be matched across the two lists.
    expect(pseudonyms(KEY, 4, [11]).get(11)).not.toBe(first.get(11))
    const otherKey = pseudonymKey(caseKey(Buffer.alloc(32, 'another-key').toString('base64')))
    expect(pseudonyms(otherKey, 3, [11]).get(11)).not.toBe(first.get(11))
  })

  it('never shows one pseudonym for two people in a list: those sharing four characters take eight', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i + 1)
    const labels = [...pseudonyms(KEY, 1, ids).values()]
    expect(new Set(labels).size).toBe(ids.length)
    expect(labels.some((l) => /C-[0-9A-F]{8}$/.test(l))).toBe(true)
  })
})
