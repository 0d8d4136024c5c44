import type { SubjectInput } from '../referrals/schema.ts'

export interface PersonName {
  forename: string
  surname: string
}

export interface Address {
  address: string
  from: string | null
  to: string | null
}

/** A person known to the panels, decrypted: only ever handed to someone the policy lets read it. */
export interface Subject {
  id: number
  forename: string
  surname: string
  dateOfBirth: string
  gender: SubjectInput['gender']
  ethnicity: string | null
  disability: SubjectInput['disability']
  sexuality: SubjectInput['sexuality']
  aliases: PersonName[]
  addresses: Address[]
}

/** Which index found a candidate: the strong full-name match, or surname and date of birth only. */
export type MatchedOn = 'name-dob' | 'surname-dob'

export interface Candidate {
  subjectId: number
  matchedOn: MatchedOn
}

export const fullName = (n: PersonName) => `${n.forename} ${n.surname}`
