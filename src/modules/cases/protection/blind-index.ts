import { createHmac } from 'node:crypto'
import type { CaseKey } from './keys.ts'

// Subjects are found by a keyed hash of their normalised name and date of birth, never by the
// plaintext: the database holds only the hashes, which without CASE_DATA_KEY cannot be tested
// against a guessed name. Two are kept: full name with date of birth (the strong match) and
// surname with date of birth (a forename spelt differently, or a familiar form).

/** Lower case, accents and everything but letters removed: "O'Brien-Smith" and "obriensmith" agree. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
}

export interface NameAndBirth {
  forename: string
  surname: string
  /** YYYY-MM-DD */
  dateOfBirth: string
}

export interface BlindIndexes {
  nameAndBirth: string
  surnameAndBirth: string
}

export function blindIndexes(key: CaseKey, who: NameAndBirth): BlindIndexes {
  const hash = (kind: string, ...parts: string[]) =>
    createHmac('sha256', key.blindIndex)
      .update([kind, ...parts].join('\u0000'))
      .digest('hex')
  const surname = normaliseName(who.surname)
  return {
    nameAndBirth: hash('name-dob', surname, normaliseName(who.forename), who.dateOfBirth),
    surnameAndBirth: hash('surname-dob', surname, who.dateOfBirth),
  }
}
