import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../../shared/validation.ts'
import { day, optionalDay } from '../shared-schema.ts'

export const MEETING_KINDS = ['new', 'repeat', 'review'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  new: 'New',
  repeat: 'Repeat',
  review: 'Review',
}

export const ACTION_STATUSES = ['open', 'done', 'not-done'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  'not-done': 'Not done',
}

/** Ids from checkboxes (one or many) or a JSON array. */
const ids = (message: string) =>
  z
    .union([z.array(idField(message)), idField(message), z.literal('')])
    .optional()
    .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]))

export const meetingInput = z.object({
  meetsOn: day('Enter the meeting’s date as a real date, like 2026-03-31'),
  organisationIds: ids('Select the attending organisations from the list'),
})

export const discussionInput = z.object({
  caseId: idField('Select a case on this meeting’s list'),
  discussion: requiredText('Enter the panel’s discussion of the case', 20_000),
  /** A new case discussed is heard: the referral moves on, dated the meeting. */
  heard: z
    .union([z.boolean(), z.literal('yes'), z.literal('')])
    .optional()
    .transform((v) => v === true || v === 'yes'),
  nextReviewOn: optionalDay('Enter the next review date as a real date, like 2026-06-30'),
  /** The victim's safety plan as it now stands; blank leaves it as it was. */
  safetyPlan: optionalText(20_000),
})

export const actionInput = z.object({
  caseId: idField('Select a case on this meeting’s list'),
  action: requiredText('Enter the action agreed', 5000),
  ownerOrganisationId: idField('Select the organisation that owns the action'),
  ownerUserId: idField('Select the officer who owns the action'),
  dueOn: day('Enter the due date as a real date, like 2026-04-30'),
})

export const actionUpdate = z.object({
  status: z.enum(ACTION_STATUSES, { error: 'Select the action’s status' }),
  result: optionalText(5000),
  version: versionField,
})

export const returnPeriod = z.object({
  from: day('Enter the start of the period as a real date, like 2026-01-01'),
  to: day('Enter the end of the period as a real date, like 2026-03-31'),
})
