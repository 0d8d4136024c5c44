import { z } from 'zod'

// A Dash checklist as a referrer or a member gives it. The rules (rules/dash.ts) judge the answers
// themselves (24 of yes, no or not known), so that the form and the API hear the same words.

const count = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) =>
    v === undefined || v === null || (typeof v === 'string' && !v.trim()) ? undefined : Number(v),
  )

export const dashInput = z.object({
  answers: z.array(z.string(), { error: 'Give the Dash answers as a list of yes, no or not-known' }),
  /** Question number (1–24) → the practitioner's note beside the answer. */
  notes: z
    .record(
      z.string().regex(/^([1-9]|1\d|2[0-4])$/, 'Notes are keyed by question number, 1 to 24'),
      z.string().max(2000, 'A note must be 2000 characters or fewer'),
    )
    .default({}),
  incidentsLast12Months: count,
  /** Present when the referrer refers on professional judgement: the reason is required. */
  professionalJudgement: z
    .object({ reason: z.string().max(5000, 'The reason must be 5000 characters or fewer') })
    .nullable()
    .optional(),
})
export type DashInput = z.output<typeof dashInput>
