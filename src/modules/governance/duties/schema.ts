import { z } from 'zod'
import { idField, optionalText } from '../../../shared/validation.ts'
import { optionalDay } from '../schema.ts'
import { DUTIES } from './rules.ts'

// What the duties tracker accepts, from a form (strings) or JSON alike.

export const EVIDENCE_KINDS = ['meeting', 'document', 'decision'] as const

const day = (message: string) => optionalDay(message).refine((v): v is string => v !== null, message)

const year = z.coerce
  .number({ error: 'Enter the partnership year as its first year, such as 2026' })
  .int('Enter the partnership year as its first year, such as 2026')
  .min(2000, 'Enter a year from 2000 to 2100')
  .max(2100, 'Enter a year from 2000 to 2100')

const optionalYear = z
  .union([z.literal(''), z.null(), year])
  .optional()
  .transform((v) => (v === '' || v == null ? null : v))

const duty = z.enum(DUTIES, { error: 'Select the duty' })

export const evidenceInput = z
  .object({
    duty,
    kind: z.enum(EVIDENCE_KINDS, {
      error: 'Select what the evidence is: a meeting, a document or a decision',
    }),
    year: optionalYear,
    meetingId: z
      .union([z.literal(''), z.null(), idField('Select the meeting from the list')])
      .optional()
      .transform((v) => (v === '' || v == null ? null : v)),
    documentTitle: optionalText(200),
    documentLink: z
      .string()
      .trim()
      .max(500)
      .refine(
        (v) => v === '' || /^https:\/\/\S+$/.test(v),
        'Enter the link as a web address starting https://',
      )
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    decisionId: z
      .union([z.literal(''), z.null(), idField('Select the decision from the register')])
      .optional()
      .transform((v) => (v === '' || v == null ? null : v)),
    decisionReference: optionalText(100),
    evidencedOn: day('Enter the date as YYYY-MM-DD, such as 2026-11-30'),
    note: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'meeting' && v.meetingId === null)
      ctx.addIssue({ code: 'custom', path: ['meetingId'], message: 'Select the meeting from the list' })
    if (v.kind === 'document' && v.documentTitle === null)
      ctx.addIssue({ code: 'custom', path: ['documentTitle'], message: 'Enter the document’s title' })
    if (v.kind === 'decision' && v.decisionId === null && v.decisionReference === null)
      ctx.addIssue({
        code: 'custom',
        path: ['decisionId'],
        message: 'Select the decision from the register, or enter its reference if it is not there',
      })
  })

export const dueDateInput = z.object({
  year,
  duty,
  dueDate: day('Enter the due date as YYYY-MM-DD, such as 2027-03-31'),
})

/** A tick box or radio ('yes'/'no') or a JSON boolean. */
export const publicMeetingInput = z.object({
  public: z
    .union([z.boolean(), z.enum(['yes', 'no'])], { error: 'Select yes or no' })
    .transform((v) => v === true || v === 'yes'),
})
