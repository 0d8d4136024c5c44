import type { EthnicGroup, MaracCaseDiscussed } from '../rules/safelives-return.ts'
import type { Subject } from '../subjects/subject.ts'

// Turns the people on a case into the plain facts the SafeLives return counts. Ethnicity is written
// as the referrer heard it, so it is read into the ONS high-level groups by its words; anything else
// is "not known", which the return reports as such rather than guessing.

export function ethnicGroupOf(text: string | null): EthnicGroup {
  const t = (text ?? '').toLowerCase()
  if (!t.trim()) return 'not-known'
  if (/mixed|multiple|dual heritage/.test(t)) return 'mixed'
  if (/asian|indian|pakistani|bangladeshi|chinese/.test(t)) return 'asian'
  if (/black|african|caribbean/.test(t)) return 'black'
  if (/white|gypsy|roma|traveller|irish/.test(t)) return 'white'
  if (/arab|other/.test(t)) return 'other'
  return 'not-known'
}

/** Whole years from a date of birth to a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

const LGBT: ReadonlyArray<Subject['sexuality']> = ['gay-or-lesbian', 'bisexual', 'other']

export function caseFacts(input: {
  discussedOn: string
  referredOn: string
  referrerType: string
  repeat: boolean
  victim: Subject | null
  perpetrator: Subject | null
  children: number
}): MaracCaseDiscussed {
  const { victim, perpetrator } = input
  const gender = victim?.gender
  return {
    discussedOn: input.discussedOn,
    victimGender:
      gender === 'female' || gender === 'male' ? gender : gender === 'non-binary' ? 'other' : 'not-known',
    victimAgeAtReferral: victim ? ageOn(victim.dateOfBirth, input.referredOn) : null,
    victimEthnicGroup: ethnicGroupOf(victim?.ethnicity ?? null),
    victimDisabled: victim?.disability === 'yes' ? true : victim?.disability === 'no' ? false : null,
    victimLgbt:
      !victim?.sexuality || victim.sexuality === 'not-known' ? null : LGBT.includes(victim.sexuality),
    repeat: input.repeat,
    referredBy: input.referrerType === 'police' ? 'police' : 'other',
    childrenInHousehold: input.children,
    perpetratorAge: perpetrator ? ageOn(perpetrator.dateOfBirth, input.referredOn) : null,
  }
}
