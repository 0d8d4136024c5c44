import { describe, expect, it } from 'vitest'
import { nearDuplicateOrganisations } from './organisation-checks.ts'

describe('lead organisations written two ways', () => {
  it('pairs a name with its bracketed abbreviation, alone or after the first word', () => {
    expect(
      nearDuplicateOrganisations(['LBS CS&P', 'MPS', 'LBS Community Safety & Partnerships (CS&P)']),
    ).toEqual([['LBS CS&P', 'LBS Community Safety & Partnerships (CS&P)']])
    expect(nearDuplicateOrganisations(['National Probation Service (NPS)', 'NPS'])).toEqual([
      ['NPS', 'National Probation Service (NPS)'],
    ])
  })

  it('pairs near spellings, and leaves different organisations and case-only differences alone', () => {
    expect(nearDuplicateOrganisations(['LBS Communities', 'LBS Comunities'])).toEqual([
      ['LBS Communities', 'LBS Comunities'],
    ])
    expect(nearDuplicateOrganisations(['LBS Education', 'LBS Communities', 'MPS', 'mps'])).toEqual([])
  })
})
