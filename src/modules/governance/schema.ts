import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'
import { MEETING_STATUSES } from './rules/meeting-status.ts'

// What boards, meetings and minutes accept, from a form (strings) or JSON alike.

export const FREQUENCIES = [
  'monthly',
  'bi-monthly',
  'quarterly',
  'six-monthly',
  'yearly',
  'as needed',
] as const

const validDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

/** A date as YYYY-MM-DD; '' and missing become null. */
export const optionalDay = (message: string) =>
  z
    .union(
      [
        z.literal(''),
        z.null(),
        z
          .string()
          .trim()
          .regex(/^\d{4}-\d{2}-\d{2}$/, message)
          .refine(validDay, message),
      ],
      {
        error: message,
      },
    )
    .optional()
    .transform((v) => (v ? v : null))

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.null(), idField(message)], { error: message })
    .optional()
    .transform((v) => (v === '' || v == null ? null : v))

/** A tick box ('yes' when ticked) or a JSON boolean. */
const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no', ''])])
  .optional()
  .transform((v) => v === true || v === 'yes')

/** One title a line from a text area, or a JSON array. */
const standingItems = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) =>
    (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])).map((s) => s.trim()).filter((s) => s.length > 0),
  )
  .refine(
    (items) => items.every((s) => s.length <= 200),
    'Each standing item must be 200 characters or fewer',
  )
  .refine((items) => items.length <= 30, 'A board can have up to 30 standing items')

export const boardInput = z.object({
  name: requiredText('Enter the board’s name'),
  purpose: requiredText('Enter what the board is for', 2000),
  termsOfReference: optionalText(500),
  termsReviewDate: optionalDay('Enter the review date as a real date, like 2026-03-31'),
  frequency: z.enum(FREQUENCIES, { error: 'Select how often the board meets' }),
  quorum: z.coerce
    .number({ error: 'Enter the quorum as a whole number, such as 3' })
    .int('Enter the quorum as a whole number, such as 3')
    .min(1, 'The quorum is at least 1')
    .max(100, 'The quorum is 100 or fewer'),
  chairPersonId: optionalId('Select the chair from the list'),
  viceChairPersonId: optionalId('Select the vice-chair from the list'),
  standingItems,
})
export const boardChanges = boardInput.extend({ version: versionField })
export type BoardInput = z.input<typeof boardInput>

export const memberInput = z
  .object({
    personId: idField('Select the person from the list'),
    organisationId: optionalId('Select an organisation from the list'),
    role: requiredText('Enter their role on the board, such as Member or Adviser'),
    voting: yesNo,
    fromDate: optionalDay('Enter the start date as a real date, like 2026-04-01'),
    toDate: optionalDay('Enter the end date as a real date, like 2027-03-31'),
  })
  .refine((m) => !m.fromDate || !m.toDate || m.fromDate <= m.toDate, {
    path: ['toDate'],
    message: 'The end date must be on or after the start date',
  })

export const reportingLineInput = z.object({
  reportsToBoardId: idField('Select the board it reports to'),
})

const dayTime = 'Enter the date and time, like 2026-03-10 and 14:00'
export const meetingInput = z.object({
  startsAt: z
    .string({ error: dayTime })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, dayTime)
    .refine((v) => validDay(v.slice(0, 10)), dayTime),
  place: optionalText(200),
  link: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === '' || /^https:\/\/\S+$/.test(v), 'Enter the link as a web address starting https://')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  /** Where the agenda's numbering starts, for a board carrying its numbers on from paper records; else after its last item. */
  firstItemNumber: z.coerce
    .number({ error: 'Enter the first item number as a whole number' })
    .int('Enter the first item number as a whole number')
    .min(1, 'Item numbers start at 1')
    .max(100_000, 'Item numbers go up to 100,000')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export const statusInput = z.object({
  status: z.enum(MEETING_STATUSES, { error: 'Select the meeting’s new status' }),
})

export const attendanceInput = z.object({
  personId: idField('Select the person from the list'),
  attendance: z.enum(['present', 'apologies'], { error: 'Select present or apologies' }),
  substituteForPersonId: optionalId('Select the member they stood in for'),
})

export const itemInput = z
  .object({
    title: requiredText('Enter the item’s title'),
    /** The number the board gave it (minutes carried over from paper); else the board's next. */
    number: z.coerce
      .number({ error: 'Enter the item number as a whole number' })
      .int('Enter the item number as a whole number')
      .min(1, 'Item numbers start at 1')
      .max(100_000, 'Item numbers go up to 100,000')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    presenterPersonId: optionalId('Select the presenter from the list'),
    exempt: yesNo,
    exemptReason: optionalText(500),
  })
  .refine((i) => !i.exempt || i.exemptReason, {
    path: ['exemptReason'],
    message: 'Say why the item is exempt, such as the paragraph of Schedule 12A it falls under',
  })

export const minutesInput = z.object({
  itemId: idField('Choose the agenda item'),
  discussion: z
    .string({ error: 'Enter the minutes of the discussion' })
    .trim()
    .max(20_000, 'The minutes of one item must be 20,000 characters or fewer'),
})

export const resolutionInput = z.object({
  itemId: idField('Choose the agenda item'),
  number: optionalText(12),
  text: requiredText('Enter what was resolved', 4000),
})

export const actionInput = z
  .object({
    itemId: idField('Choose the agenda item'),
    description: requiredText('Describe the action', 1000),
    ownerPersonId: optionalId('Select the owner from the list'),
    ownerOrganisationId: optionalId('Select the owning organisation from the list'),
    dueDate: optionalDay('Enter the due date as a real date, like 2026-04-30'),
  })
  .refine((a) => a.ownerPersonId || a.ownerOrganisationId, {
    path: ['ownerPersonId'],
    message: 'Select who owns the action: a person, an organisation or both',
  })

export const actionStatusInput = z.object({
  status: z.enum(['open', 'closed'], { error: 'Select open or closed' }),
})
