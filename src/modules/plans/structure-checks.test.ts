import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../access/current-user.ts'
import { ROLES, type Role } from '../../access/roles.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { isImpossibleDay } from './plan-dates.ts'
import { mayChangePlan, requireMayChangePlan } from './policy.ts'
import { deliverableChangesInput } from './schema.ts'
import { tooLongMessage } from './text-limits.ts'
import { deliverableInputOf, leadIdsOf } from './web/deliverable-form.ts'
import { shortText } from './web/structure-page.ts'

const user = (role: Role): CurrentUser => ({
  id: 7,
  email: 'someone@test.example',
  name: 'Someone',
  role,
  organisationId: 1,
  organisationName: 'MPS',
  personId: 12,
})

describe('who may change a plan’s shape', () => {
  it('is partnership managers and administrators, and no lead, however linked', () => {
    const allowed = ROLES.filter((role) => mayChangePlan(user(role)))
    expect(allowed.sort()).toEqual(['admin', 'partnership-manager'])
    expect(() => requireMayChangePlan(user('lead'))).toThrow(ForbiddenError)
    expect(() => requireMayChangePlan(user('partnership-manager'))).not.toThrow()
  })
})

describe('the deliverable form’s checks', () => {
  const base = { outcome: 'Tasking', rag: 'green', version: 1 }
  const problems = (input: Record<string, unknown>) => {
    try {
      parseInput(deliverableChangesInput, { ...base, ...input })
      return {}
    } catch (error) {
      return (error as { fieldErrors: Record<string, string> }).fieldErrors
    }
  }

  it('says which field is too long, its limit and what was entered, with thousands separated', () => {
    expect(tooLongMessage('Progress update', 5000, 62_503)).toBe(
      'Progress update must be 5,000 characters or fewer (you entered 62,503)',
    )
    expect(problems({ documentReferences: 'd'.repeat(1001) })).toEqual({
      documentReferences: 'Document references must be 1,000 characters or fewer (you entered 1,001)',
    })
  })

  it('tells a day that is not in the calendar from text that is not a date', () => {
    expect(isImpossibleDay('31/02/2019')).toBe(true)
    expect(isImpossibleDay('2019-02-29')).toBe(true)
    expect(isImpossibleDay('29/02/2020')).toBe(false)
    expect(isImpossibleDay('Spring 2019')).toBe(false)
    expect(problems({ start: '31/02/2019' }).start).toBe(
      'The start must be a real date: 31/02/2019 is not a day in the calendar',
    )
    expect(problems({ start: 'Spring 2019' }).start).toMatch(/^Enter the start as a month like Dec-18/)
  })

  it('refuses an end before the start unless it is confirmed, and compares months as whole months', () => {
    expect(problems({ start: '15/03/2019', end: 'Mar-19' })).toEqual({})
    expect(problems({ start: 'Apr-19', end: '31/03/2019' }).end).toMatch(
      /^The end must be on or after the start/,
    )
    expect(problems({ start: 'Apr-19', end: 'Mar-19', confirmEndBeforeStart: 'yes' })).toEqual({})
    expect(problems({ start: 'Ongoing', end: 'Mar-19' })).toEqual({})
  })
})

describe('the deliverable form’s lead fields', () => {
  it('takes the ticked leads and the one added, and leaves leads alone when the form had no lead fields', () => {
    expect(leadIdsOf({ leadPersonIds: ['3', '5'], addLead: '9' })).toEqual(['3', '5', '9'])
    expect(leadIdsOf({ leadPersonIds: '3', addLead: '' })).toEqual(['3'])
    expect(deliverableInputOf({ outcome: 'x', structureShown: 'yes', leadOrganisations: 'MPS' })).toEqual({
      outcome: 'x',
      leadPersonIds: [],
      leadOrganisations: 'MPS',
      actionId: undefined,
    })
    expect(deliverableInputOf({ outcome: 'x', leadPersonIds: '3', actionId: '4' })).toEqual({ outcome: 'x' })
  })

  it('names a deliverable by the start of its outcome, cut at a word', () => {
    expect(
      shortText(
        '> Alignment of the partnership’s enforcement activity with the violence reduction unit’s priorities, so that',
      ),
    ).toBe('Alignment of the partnership’s enforcement activity with the violence reduction…')
    expect(shortText('Short outcome\nSecond line')).toBe('Short outcome')
  })
})
