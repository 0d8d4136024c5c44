import { describe, expect, it } from 'vitest'
import { quarterBefore } from '../rules/quarter.ts'
import type { Subject } from '../subjects/subject.ts'
import { ageOn, caseFacts, ethnicGroupOf } from './return-facts.ts'

const person = (over: Partial<Subject>): Subject => ({
  id: 1,
  forename: 'Ada',
  surname: 'Fictional',
  dateOfBirth: '2009-06-15',
  gender: 'female',
  ethnicity: null,
  disability: null,
  sexuality: null,
  aliases: [],
  addresses: [],
  ...over,
})

describe('the facts the SafeLives return counts, from the people on a case', () => {
  it('reads ethnicity as written into the ONS high-level groups, mixed heritage first', () => {
    expect(ethnicGroupOf('Mixed White and Black Caribbean')).toBe('mixed')
    expect(ethnicGroupOf('Black British')).toBe('black')
    expect(ethnicGroupOf('Bangladeshi')).toBe('asian')
    expect(ethnicGroupOf('Gypsy or Irish Traveller')).toBe('white')
    expect(ethnicGroupOf('Arab')).toBe('other')
    expect(ethnicGroupOf('')).toBe('not-known')
    expect(ethnicGroupOf('prefers not to say')).toBe('not-known')
  })

  it('gives the age in whole years on the day of referral, turning on the birthday itself', () => {
    expect(ageOn('2009-06-15', '2026-06-14')).toBe(16)
    expect(ageOn('2009-06-15', '2026-06-15')).toBe(17)
  })

  it('counts the victim, perpetrator and children, with what was not recorded left as not known', () => {
    expect(
      caseFacts({
        discussedOn: '2026-06-20',
        referredOn: '2026-06-15',
        referrerType: 'police',
        repeat: true,
        victim: person({
          gender: 'non-binary',
          disability: 'yes',
          sexuality: 'bisexual',
          ethnicity: 'Black African',
        }),
        perpetrator: person({ dateOfBirth: '2008-12-31', gender: 'male' }),
        children: 2,
      }),
    ).toEqual({
      discussedOn: '2026-06-20',
      victimGender: 'other',
      victimAgeAtReferral: 17,
      victimEthnicGroup: 'black',
      victimDisabled: true,
      victimLgbt: true,
      repeat: true,
      referredBy: 'police',
      childrenInHousehold: 2,
      perpetratorAge: 17,
    })
    expect(
      caseFacts({
        discussedOn: '2026-06-20',
        referredOn: '2026-06-15',
        referrerType: 'health',
        repeat: false,
        victim: person({ sexuality: 'not-known' }),
        perpetrator: null,
        children: 0,
      }),
    ).toMatchObject({ victimLgbt: null, victimDisabled: null, referredBy: 'other', perpetratorAge: null })
  })

  it('opens the return on the last complete calendar quarter', () => {
    expect(quarterBefore('2026-12-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(quarterBefore('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' })
    expect(quarterBefore('2024-04-01')).toEqual({ from: '2024-01-01', to: '2024-03-31' })
  })
})
