import type { z } from 'zod'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import type { DayResult } from './date-parts.ts'

/** Errors in the order the form asks its questions, so the error summary reads top to bottom. */
export function inFormOrder(errors: FieldErrors, order: string[]): FieldErrors {
  const sorted: FieldErrors = {}
  for (const key of order) if (errors[key]) sorted[key] = errors[key]
  for (const [key, message] of Object.entries(errors)) sorted[key] ??= message
  return sorted
}

/** A field error moved to the key the page shows it under (a date input's first box). */
export function renameError(errors: FieldErrors, from: string, to: string): FieldErrors {
  if (!(from in errors)) return errors
  const { [from]: message, ...rest } = errors
  return { [to]: message as string, ...rest }
}

/**
 * A form with a GOV.UK date input: the date's problem and every other field's problem are
 * reported together, as one error summary. Gives the date as YYYY-MM-DD ('' for none).
 */
export function checkFormWithDate(
  schema: z.ZodType,
  input: Record<string, unknown>,
  date: { key: string; result: DayResult; requiredMessage?: string },
  order: string[],
): string {
  let dateError: string | undefined
  if (!date.result.ok) dateError = date.result.message
  else if (!date.result.value && date.requiredMessage) dateError = date.requiredMessage
  if (!dateError) return date.result.ok ? date.result.value : ''
  const errors: FieldErrors = { [date.key]: dateError }
  const rest = schema.safeParse(input)
  if (!rest.success)
    for (const issue of rest.error.issues) errors[issue.path.join('.') || 'form'] ??= issue.message
  throw new ValidationError(inFormOrder(errors, order))
}
