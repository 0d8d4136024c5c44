import { z } from 'zod'
import { optionalText } from '../../../shared/validation.ts'

// What publishing accepts, from a form (strings) or JSON alike.

/** Publishing is deliberate: the manager confirms they have read what the public page will show. */
export const publishInput = z.object({
  confirm: z.union([z.literal(true), z.literal('yes')], {
    error: 'Confirm that you have checked what the public page will show',
  }),
})

export const withdrawInput = z.object({ reason: optionalText(500) })
