import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import { eighteenthBirthday, transitionFlag, transitionsDue } from './transition-rules.ts'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('the 18th birthday', () => {
  it('is the same date 18 years on', () => {
    expect(eighteenthBirthday('2008-06-15')).toBe('2026-06-15')
    expect(eighteenthBirthday('2008-02-28')).toBe('2026-02-28')
  })

  it('is 1 March for someone born on 29 February', () => {
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-03-01')
    expect(eighteenthBirthday('2012-02-29')).toBe('2030-03-01')
  })
})

describe('the transition flag', () => {
  it('is raised six months before the 18th birthday, on that day and not the day before', () => {
    expect(transitionFlag('2008-06-15', '2025-12-14')).toEqual({
      eighteenthBirthday: '2026-06-15',
      flagFrom: '2025-12-15',
      state: 'not-yet',
      flagged: false,
    })
    expect(transitionFlag('2008-06-15', '2025-12-15').state).toBe('transition-due')
    expect(transitionFlag('2008-06-15', '2026-06-14').state).toBe('transition-due')
    expect(transitionFlag('2008-06-15', '2026-06-15')).toMatchObject({ state: 'adult', flagged: true })
  })

  it('clamps to the month’s end: six months before 31 August is the last day of February', () => {
    expect(transitionFlag('2008-08-31', '2026-01-01').flagFrom).toBe('2026-02-28')
    expect(transitionFlag('2010-08-31', '2026-01-01').flagFrom).toBe('2028-02-29')
  })

  it('counts the lead back from 1 March for someone born on 29 February', () => {
    const born = '2008-02-29'
    expect(transitionFlag(born, '2025-08-31')).toMatchObject({ flagFrom: '2025-09-01', state: 'not-yet' })
    expect(transitionFlag(born, '2025-09-01').state).toBe('transition-due')
    expect(transitionFlag(born, '2026-02-28').state).toBe('transition-due')
    expect(transitionFlag(born, '2026-03-01').state).toBe('adult')
  })

  it('takes the partnership’s own lead, 0 to 24 months', () => {
    expect(transitionFlag('2008-06-15', '2025-06-15', 12).state).toBe('transition-due')
    expect(transitionFlag('2008-06-15', '2026-06-14', 0)).toMatchObject({
      flagFrom: '2026-06-15',
      state: 'not-yet',
    })
    expect(fieldErrors(() => transitionFlag('2008-06-15', '2026-01-01', 25))).toEqual({
      leadMonths: 'The lead must be a whole number of months from 0 to 24',
    })
    expect(fieldErrors(() => transitionFlag('2027-02-29', '2026-01-01', 1.5))).toEqual({
      dateOfBirth: 'Enter the date of birth as YYYY-MM-DD',
      leadMonths: 'The lead must be a whole number of months from 0 to 24',
    })
    expect(fieldErrors(() => transitionFlag('2026-01-02', '2026-01-01'))).toEqual({
      dateOfBirth: 'The date of birth cannot be in the future',
    })
  })

  it('lists the youth panel’s flagged young people, the soonest birthday first', () => {
    const due = transitionsDue(
      [
        { subjectId: 'c', dateOfBirth: '2008-06-15' },
        { subjectId: 'a', dateOfBirth: '2009-06-15' },
        { subjectId: 'b', dateOfBirth: '2008-02-29' },
        { subjectId: 'e', dateOfBirth: '2008-06-15' },
        { subjectId: 'd', dateOfBirth: '2007-01-01' },
      ],
      '2026-02-01',
    )
    expect(due.map((p) => [p.subjectId, p.eighteenthBirthday, p.state])).toEqual([
      ['d', '2025-01-01', 'adult'],
      ['b', '2026-03-01', 'transition-due'],
      ['c', '2026-06-15', 'transition-due'],
      ['e', '2026-06-15', 'transition-due'],
    ])
  })
})
