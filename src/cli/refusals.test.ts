import { describe, expect, it } from 'vitest'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { refusalMessage } from './refusals.ts'

describe('what the command line prints for a refusal', () => {
  it('says what was refused, in the words a page uses, with the advice', () => {
    expect(
      refusalMessage(
        new ForbiddenError('update this deliverable', 'Only its lead can.', 'Ask an administrator.'),
      ),
    ).toBe('You do not have permission to update this deliverable. Only its lead can. Ask an administrator.')
    expect(refusalMessage(new ForbiddenError('export this plan', 'Only managers can.'))).toBe(
      'You do not have permission to export this plan. Only managers can.',
    )
    expect(refusalMessage(new NotFoundError('Person'))).toBe('Person was not found')
  })

  it('leaves every other error to the code that knows it', () => {
    expect(refusalMessage(new ValidationError({ email: 'Enter an email address' }))).toBeUndefined()
    expect(refusalMessage(new ConflictError('stale', {}))).toBeUndefined()
    expect(refusalMessage(new Error('disk full'))).toBeUndefined()
  })
})
