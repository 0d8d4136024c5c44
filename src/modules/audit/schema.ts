import { z } from 'zod'
import { idDigits } from '../../shared/validation.ts'

const date = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), message)
    .optional()
    .transform((v) => v || undefined)

const text = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined)

/** Filters on the audit log page and API. Dates are whole days, "to" inclusive. */
export const auditQuery = z.object({
  actor: text,
  action: text,
  entityType: text,
  entityId: text,
  from: date('Enter the “from” date as YYYY-MM-DD, for example 2026-11-01'),
  to: date('Enter the “to” date as YYYY-MM-DD, for example 2026-11-30'),
  // Bounded like an id, so that the offset it makes stays a whole number both databases take.
  page: idDigits('Page must be a whole number')
    .optional()
    .transform((v) => Math.max(1, v ?? 1)),
})

export type AuditQuery = z.output<typeof auditQuery>

/** The filter the repository understands: "to" becomes the start of the next day. */
export function toFilter(q: AuditQuery) {
  const nextDay = q.to ? new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10) : undefined
  return {
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from,
    to: nextDay,
  }
}
