import { z } from 'zod'

// Text fields that say which field is too long, by how much, in the words the form uses:
// "Progress update must be 5,000 characters or fewer (you entered 62,503)". The character count
// on the page is a help; this message is the check.

const figures = new Intl.NumberFormat('en-GB')

export const tooLongMessage = (label: string, max: number, entered: number) =>
  `${label} must be ${figures.format(max)} characters or fewer (you entered ${figures.format(entered)})`

function limited(label: string, max: number) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value.length > max)
        ctx.addIssue({ code: 'custom', message: tooLongMessage(label, max, value.length) })
    })
}

/** Required text: `missing` when empty, the field's name and the count when too long. */
export const limitedText = (label: string, max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .superRefine((value, ctx) => {
      if (value.length > max)
        ctx.addIssue({ code: 'custom', message: tooLongMessage(label, max, value.length) })
    })

/** Optional text: '' and missing both become null. */
export const optionalLimitedText = (label: string, max: number) =>
  limited(label, max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
