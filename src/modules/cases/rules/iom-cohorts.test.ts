import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  type CohortMembership,
  cohortEligibility,
  IOM_PATHWAY_LABELS,
  IOM_PATHWAYS,
  isMemberOn,
  validateMembership,
  validatePathways,
} from './iom-cohorts.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

const AS_OF = '2026-06-30'

describe('cohort eligibility', () => {
  it.each(['robbery', 'burglary', 'vehicle-crime', 'theft-from-the-person'])(
    'Fixed takes a %s offence as neighbourhood crime',
    (group) => {
      expect(cohortEligibility('fixed', [{ date: '2026-01-10', group }], AS_OF)).toEqual({
        eligible: true,
        reason: '1 neighbourhood crime offence between 2025-06-30 and 2026-06-30',
      })
    },
  )

  it('Fixed refuses violence and drugs alone, and a burglary a day too old', () => {
    const offences = [
      { date: '2026-06-01', group: 'violence' },
      { date: '2026-05-01', group: 'drugs' },
      { date: '2025-06-29', group: 'burglary' },
    ]
    expect(cohortEligibility('fixed', offences, AS_OF)).toEqual({
      eligible: false,
      reason:
        'No neighbourhood crime offence (robbery, burglary, vehicle crime, theft from the person) between 2025-06-30 and 2026-06-30',
    })
    expect(cohortEligibility('fixed', [{ date: '2025-06-30', group: 'burglary' }], AS_OF).eligible).toBe(true)
  })

  it('Flex takes any recent offence unless the partnership names its priorities', () => {
    const offences = [{ date: '2026-03-01', group: 'drugs' }]
    expect(cohortEligibility('flex', offences, AS_OF).eligible).toBe(true)
    expect(
      cohortEligibility('flex', offences, AS_OF, { withinMonths: 12, flexGroups: ['violence'] }),
    ).toEqual({
      eligible: false,
      reason: 'No offence in the local priorities between 2025-06-30 and 2026-06-30',
    })
    expect(cohortEligibility('flex', [], AS_OF).eligible).toBe(false)
  })

  it('Free is always open: the selection reason carries it', () => {
    expect(cohortEligibility('free', [], AS_OF).eligible).toBe(true)
  })
})

describe('selection and de-selection', () => {
  const member: CohortMembership = {
    cohort: 'fixed',
    selectedOn: '2026-01-05',
    selectionReason: 'Top of the ranking',
  }

  it('accepts a selection with its reason, and a de-selection with its reason and note', () => {
    expect(() => validateMembership(member)).not.toThrow()
    expect(() =>
      validateMembership({
        ...member,
        deselectedOn: '2026-01-05',
        deselectionReason: 'moved-away',
        deselectionNote: 'Moved to Leeds',
      }),
    ).not.toThrow()
  })

  it('requires the reasons, and refuses de-selection before selection', () => {
    expect(fieldErrors(() => validateMembership({ ...member, selectionReason: '  ' }))).toEqual({
      selectionReason: 'Give the reason for selecting this person',
    })
    expect(fieldErrors(() => validateMembership({ ...member, deselectedOn: '2026-01-04' }))).toEqual({
      deselectedOn: 'De-selection cannot be before selection',
      deselectionReason: 'Choose the reason for de-selection',
      deselectionNote: 'Say in words why this person is de-selected',
    })
    expect(
      fieldErrors(() =>
        validateMembership({
          ...member,
          cohort: 'gold' as 'fixed',
          deselectionReason: 'risk-reduced',
          deselectionNote: 'x',
        }),
      ),
    ).toEqual({
      cohort: 'Choose the Fixed, Flex or Free cohort',
      deselectedOn: 'Enter the de-selection date as YYYY-MM-DD',
    })
  })

  it('counts a member from the selection day to the de-selection day, both included', () => {
    const left = { ...member, deselectedOn: '2026-03-31' }
    expect(['2026-01-04', '2026-01-05', '2026-03-31', '2026-04-01'].map((d) => isMemberOn(left, d))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(isMemberOn(member, '2030-01-01')).toBe(true)
  })
})

describe('pathways', () => {
  it('are the five of the IOM refresh', () => {
    expect(IOM_PATHWAYS.map((p) => IOM_PATHWAY_LABELS[p])).toEqual([
      'Accommodation',
      'Education, training and employment',
      'Substance misuse',
      'Attitudes, thinking and behaviour',
      'Family',
    ])
  })

  it('take a need and, where there is one, its progress', () => {
    expect(() =>
      validatePathways([
        { pathway: 'accommodation', need: 'high', progress: 'in-progress', reviewedOn: '2026-06-01' },
        { pathway: 'family', need: 'none', reviewedOn: '2026-06-01' },
      ]),
    ).not.toThrow()
    expect(
      fieldErrors(() =>
        validatePathways([
          { pathway: 'accommodation', need: 'high', reviewedOn: '2026-06-01' },
          { pathway: 'family', need: 'none', progress: 'achieved', reviewedOn: '2026-06-31' },
          { pathway: 'accommodation', need: 'low', progress: 'achieved', reviewedOn: '2026-06-01' },
          {
            pathway: 'housing' as 'family',
            need: 'severe' as 'high',
            progress: 'achieved',
            reviewedOn: '2026-06-01',
          },
        ]),
      ),
    ).toEqual({
      'pathways.0.progress': 'Choose not started, in progress, achieved or disengaged',
      'pathways.1.progress': 'There is no progress to record where there is no need',
      'pathways.1.reviewedOn': 'Enter the review date as YYYY-MM-DD',
      'pathways.2.pathway': 'Accommodation is given twice',
      'pathways.3.pathway': 'Choose one of the five pathways',
      'pathways.3.need': 'Choose no need, low, medium or high',
    })
  })
})
