import { createHmac, hkdfSync } from 'node:crypto'
import type { CaseKey } from '../protection/keys.ts'

// A cohort member seen by someone outside the panel is a pseudonym: a keyed hash of the panel and
// the subject, so it is the same at every meeting (a tasking can be followed up) but cannot be
// reversed without CASE_DATA_KEY, and the same person on two panels has two unrelated pseudonyms,
// so lists from different panels cannot be joined. The key is derived for this job alone.

const SHORT = 4
const LONG = 8

export function pseudonymKey(key: CaseKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.encryption, Buffer.alloc(0), 'safer cohort pseudonym v1', 32))
}

const code = (key: Buffer, panelId: number, subjectId: number) =>
  createHmac('sha256', key).update(`${panelId}\u0000${subjectId}`).digest('hex').toUpperCase()

/**
 * Each subject's pseudonym on the panel, "Cohort member C-7F3A". Two that share four characters in
 * one list both take eight, so no list shows the same pseudonym for two people.
 */
export function pseudonyms(key: Buffer, panelId: number, subjectIds: readonly number[]): Map<number, string> {
  const full = new Map(subjectIds.map((id) => [id, code(key, panelId, id)]))
  const shortCount = new Map<string, number>()
  for (const c of full.values())
    shortCount.set(c.slice(0, SHORT), (shortCount.get(c.slice(0, SHORT)) ?? 0) + 1)
  return new Map(
    [...full].map(([id, c]) => {
      const length = (shortCount.get(c.slice(0, SHORT)) ?? 0) > 1 ? LONG : SHORT
      return [id, `Cohort member C-${c.slice(0, length)}`]
    }),
  )
}
