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

/**
 * The largest id or version number a table can hold: every such column is an `integer`, which PostgreSQL
 * keeps in 32 bits. A larger number must be refused here: PostgreSQL fails the whole query on it ("out of
 * range for type integer"), where SQLite would only find nothing.
 */
export const MAX_ID = 2_147_483_647

/** Digits only, and small enough to be an id (see MAX_ID). */
export const idDigits = (message: string) =>
  z
    .string()
    .regex(/^\d+$/, message)
    .refine((v) => Number(v) <= MAX_ID, message)
    .transform(Number)

/** A whole-number id from a form (string) or JSON (number). */
export const idField = (message: string) =>
  z.union([z.number().int().positive().max(MAX_ID), idDigits(message)], { error: message })

export const versionField = idField('The record version is missing – reload the page and try again')

export const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.org')
