import { z } from 'zod'
import { idField, requiredText, versionField } from '../../../shared/validation.ts'
import { subjectInput } from '../referrals/schema.ts'

export const subjectAccessInput = z.object({
  request: requiredText('Enter the subject access request’s reference', 200),
})

export const mergeInput = z.object({
  otherSubjectId: idField('Enter the number of the other record for the same person'),
  reason: z
    .string({ error: 'Say why these are the same person' })
    .trim()
    .min(10, 'Say why these are the same person, in at least 10 characters')
    .max(2000, 'Must be 2000 characters or fewer'),
})

/** A rectification: the subject's details as they should be, with the version the editor read. */
export const subjectChanges = subjectInput
  .omit({ role: true, matches: true })
  .extend({ version: versionField })

export const deleteInput = z.object({
  confirm: z.literal('yes', { error: 'Confirm that the case should be deleted' }),
})
