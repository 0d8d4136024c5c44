import { z } from 'zod'
import { idField, optionalText } from '../../../shared/validation.ts'

// What the papers part accepts, from a form (strings) or JSON alike.

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.null(), idField(message)], { error: message })
    .optional()
    .transform((v) => (v === '' || v == null ? null : v))

/** "plan:3", "plan-summary:3", "indicator-set:7" (a priority's indicators) or "exception-report". */
export const paperLinkInput = z.object({
  itemId: idField('Choose the agenda item'),
  target: z
    .string({ error: 'Choose what the paper links to' })
    .regex(
      /^(?:(?:plan|plan-summary|indicator-set):\d{1,9}|exception-report)$/,
      'Choose what the paper links to',
    ),
})

export const paperItemInput = z.object({ itemId: idField('Choose the agenda item') })

/** "action:12" or "deliverable:34": the plan record the resolution changes. */
export const resolutionLinkInput = z.object({
  resolutionId: idField('Choose the resolution'),
  target: z
    .string({ error: 'Choose the plan action or deliverable it changes' })
    .regex(/^(?:action|deliverable):\d{1,9}$/, 'Choose the plan action or deliverable it changes'),
})

export const resolutionDeliverableInput = z.object({
  resolutionId: idField('Choose the resolution'),
  actionId: idField('Choose the plan action the new deliverable belongs to'),
  /** Left blank, the deliverable's outcome is the resolution's own text. */
  outcome: optionalText(5000),
  /** As the plan writes dates: "Mar-26", "2026-03", "31/03/2026". */
  end: optionalText(30),
})

export const actionDeliverableInput = z.object({
  actionId: idField('Choose the action arising'),
  /** Blank unlinks it. */
  deliverableId: optionalId('Choose a deliverable from the list'),
})
