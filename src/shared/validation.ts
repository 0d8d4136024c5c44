import { z } from 'zod'
import { type FieldErrors, ValidationError } from './errors.ts'

/** Parses input against a schema, or throws a ValidationError naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fieldErrors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'form'
    fieldErrors[field] ??= issue.message
  }
  throw new ValidationError(fieldErrors)
}

/** A required line of text, trimmed; forms send '' for an empty box. */
export const requiredText = (message: string, max = 200) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`)

/** Optional text: '' and missing both become null. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))

/** A whole-number id from a form (string) or JSON (number). */
export const idField = (message: string) =>
  z.union([z.number().int().positive(), z.string().regex(/^\d+$/, message).transform(Number)], { error: message })

export const versionField = idField('The record version is missing – reload the page and try again')

export const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.org')
