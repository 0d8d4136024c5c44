import { z } from 'zod'

const realDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

/** A required date as YYYY-MM-DD. */
export const day = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(realDay, message)

/** An optional date: '' and missing become null. */
export const optionalDay = (message: string) =>
  z
    .union([z.literal(''), z.null(), day(message)], { error: message })
    .optional()
    .transform((v) => (v ? v : null))
