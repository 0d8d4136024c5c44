import { z } from 'zod'
import { idField, optionalText, requiredText } from '../../../shared/validation.ts'
import { isResolutionNumber, normaliseResolutionNumber } from '../rules/resolutions.ts'
import { optionalDay } from '../schema.ts'
import { DECISION_STATUSES } from './rules/statuses.ts'

// What decision records and forward plan items accept, from a form (strings) or JSON alike.

const dayMessage = (what: string) => `Enter the ${what} as a real date, like 2026-04-30`
const requiredDay = (what: string) =>
  optionalDay(dayMessage(what)).refine((v) => v !== null, dayMessage(what)) as z.ZodType<string, unknown>

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.null(), idField(message)], { error: message })
    .optional()
    .transform((v) => (v === '' || v == null ? null : v))

const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no', ''])])
  .optional()
  .transform((v) => v === true || v === 'yes')

const numberedLine = /^\s*\(?([0-9]{1,3}|[ivxlcdm]{1,8}|[a-z])[.)]\s+(.+)$/i

/** "1. text" a line from a text area, or a JSON array; lines without a number continue the one before. */
const numberedDecisions = z
  .union([
    z.array(
      z.object({ number: z.string().trim().max(12).optional(), text: z.string().trim().min(1).max(4000) }),
    ),
    z.string(),
  ])
  .optional()
  .transform((v) => {
    if (Array.isArray(v))
      return v.map((d, n) => ({ number: normaliseResolutionNumber(d.number || String(n + 1)), text: d.text }))
    const out: Array<{ number: string; text: string }> = []
    for (const line of (v ?? '').split(/\r?\n/)) {
      const text = line.trim()
      if (!text) continue
      const match = numberedLine.exec(text)
      if (match)
        out.push({ number: normaliseResolutionNumber(match[1] as string), text: (match[2] as string).trim() })
      else if (out.length) (out.at(-1) as { text: string }).text += `\n${text}`
      else out.push({ number: '1', text })
    }
    return out
  })
  .refine(
    (d) => d.length > 0,
    'Enter the decisions, numbered as written: one a line, like 1. Approve the strategy',
  )
  .refine((d) => d.length <= 50, 'A record can hold up to 50 numbered decisions')
  .refine(
    (d) => d.every((x) => isResolutionNumber(x.number)),
    'Number the decisions 1, 2, 3, or i, ii, iii, or a, b, c',
  )
  .refine(
    (d) => new Set(d.map((x) => x.number)).size === d.length,
    'Each decision needs its own number: one is used twice',
  )

const link = z
  .string()
  .trim()
  .max(500)
  .refine(
    (v) => v === '' || /^https:\/\/\S+$/.test(v),
    'Give each document’s link as a web address starting https://',
  )

/** "Title | https://link" a line from a text area, or a JSON array of {title, link}. */
const documents = z
  .union([
    z.array(z.object({ title: z.string().trim().min(1).max(300), link: link.nullable().optional() })),
    z.string(),
  ])
  .optional()
  .transform((v) =>
    Array.isArray(v)
      ? v.map((d) => ({ title: d.title, link: d.link || null }))
      : (v ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const [title, href] = line.split(/\s+\|\s+/, 2)
            return { title: (title as string).slice(0, 300), link: href?.trim() || null }
          }),
  )
  .refine((d) => d.length <= 50, 'A record can list up to 50 documents')
  .refine(
    (d) => d.every((x) => x.link === null || /^https:\/\/\S+$/.test(x.link)),
    'Give each document’s link as a web address starting https://',
  )

export const decisionInput = z
  .object({
    reference: optionalText(50),
    title: requiredText('Enter the decision’s title', 300),
    decisionMaker: requiredText('Enter who made the decision, such as Cabinet'),
    decisionDate: requiredDay('date of decision'),
    publicationDate: optionalDay(dayMessage('publication date')),
    keyDecision: yesNo,
    subjectToCallIn: yesNo,
    purpose: optionalText(10_000),
    decisions: numberedDecisions,
    reasons: optionalText(10_000),
    alternatives: optionalText(10_000),
    conflictsOfInterest: optionalText(4000),
    actionBy: optionalText(1000),
    reportAuthors: optionalText(500),
    contactOfficer: optionalText(500),
    /** Taken on exempt information (Schedule 12A): the reason, and the record stays off the public page. */
    exemptReason: optionalText(500),
    boardId: optionalId('Select the board from the list'),
    meetingId: optionalId('Select the meeting from the list'),
    agendaItemId: optionalId('Select the agenda item from the list'),
    documents,
    status: z
      .enum(DECISION_STATUSES, { error: 'Select the decision’s status' })
      .optional()
      .or(z.literal('').transform(() => undefined))
      .transform((s) => s ?? 'approved'),
  })
  .refine((d) => !d.publicationDate || d.publicationDate >= d.decisionDate, {
    path: ['publicationDate'],
    message: 'A decision is published on or after the day it is made',
  })

export type DecisionInput = z.output<typeof decisionInput>

export const decisionStatusInput = z.object({
  status: z.enum(DECISION_STATUSES, { error: 'Select the decision’s status' }),
})

const filterDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-04-30')
  .optional()
  .or(z.literal('').transform(() => undefined))

/** The register's filters, from the page's query string or the API's. */
export const registerFilters = z.object({
  keyDecision: z
    .enum(['yes', 'no', ''])
    .optional()
    .transform((v) => (v ? v : undefined)),
  callIn: z
    .enum(['open', ''])
    .optional()
    .transform((v) => (v ? v : undefined)),
  from: filterDay,
  to: filterDay,
  board: z
    .string()
    .regex(/^\d{1,9}$/, 'Must be a board id')
    .transform(Number)
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export type RegisterFilters = z.output<typeof registerFilters>

export const forwardPlanInput = z.object({
  title: requiredText('Enter what is to be decided', 300),
  meetingId: optionalId('Select the meeting from the list'),
  boardId: optionalId('Select the board from the list'),
  decisionDate: optionalDay(dayMessage('date of the decision')),
  decisionMaker: requiredText('Enter who will decide, such as Cabinet'),
  keyDecision: yesNo,
  leadOfficer: optionalText(200),
  documents: z
    .union([z.array(z.string().trim().min(1).max(300)), z.string()])
    .optional()
    .transform((v) =>
      (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])).map((s) => s.trim()).filter((s) => s.length > 0),
    )
    .refine((d) => d.length <= 30, 'List up to 30 documents'),
  exceptionReason: optionalText(2000),
})

export type ForwardPlanInput = z.output<typeof forwardPlanInput>
