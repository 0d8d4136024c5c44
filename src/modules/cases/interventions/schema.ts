import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../../shared/validation.ts'
import { day, optionalDay } from '../shared-schema.ts'

/** Seed 003's "menu of options to manage risk through enforcement, prevention and diversion". */
export const INTERVENTION_KINDS = ['enforcement', 'prevention', 'diversion'] as const
export type InterventionKind = (typeof INTERVENTION_KINDS)[number]
export const INTERVENTION_KIND_LABELS: Record<InterventionKind, string> = {
  enforcement: 'Enforcement',
  prevention: 'Prevention',
  diversion: 'Diversion',
}

/** The receiving service's answer to a referral, as Primero records a referral between services. */
export const REFERRAL_OUTCOMES = ['pending', 'accepted', 'rejected', 'done'] as const
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number]
export const REFERRAL_OUTCOME_LABELS: Record<ReferralOutcome, string> = {
  pending: 'Awaiting an answer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  done: 'Done',
}

export const ENDINGS = ['completed', 'disengaged', 'declined'] as const
export type Ending = (typeof ENDINGS)[number]
export const ENDING_LABELS: Record<Ending, string> = {
  completed: 'Completed',
  disengaged: 'Disengaged',
  declined: 'Declined',
}

/** Why a referral or an episode did not succeed: codes, so that they can be counted. */
export const REASON_CODES = [
  'client-refused',
  'lack-of-capacity',
  'unable-to-contact',
  'not-eligible',
  'moved-away',
  'in-custody',
  'other',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]
export const REASON_CODE_LABELS: Record<ReasonCode, string> = {
  'client-refused': 'Client refused services',
  'lack-of-capacity': 'Lack of capacity',
  'unable-to-contact': 'Unable to contact',
  'not-eligible': 'Not eligible',
  'moved-away': 'Moved out of the area',
  'in-custody': 'In custody',
  other: 'Another reason (say in the notes)',
}

/** Ids from a multi-select (one or many) or a JSON array. */
const ids = (message: string) =>
  z
    .union([z.array(idField(message)), idField(message), z.literal('')])
    .optional()
    .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]))

const places = z
  .union([
    z.literal(''),
    z.null(),
    z.coerce.number({ error: 'Enter the places as a whole number, such as 12' }),
  ])
  .optional()
  .transform((v) => (v === '' || v === undefined || v === null ? null : v))
  .refine((v) => v === null || Number.isInteger(v), 'Enter the places as a whole number, such as 12')
  .refine((v) => v === null || (v >= 0 && v <= 100_000), 'Enter from 0 to 100,000 places')

export const interventionInput = z.object({
  name: requiredText('Enter the service’s name'),
  providerOrganisationId: idField('Select the organisation that provides it'),
  kind: z.enum(INTERVENTION_KINDS, { error: 'Select enforcement, prevention or diversion' }),
  description: requiredText('Say what the service does', 2000),
  eligibility: requiredText('Say who is eligible', 2000),
  referralRoute: requiredText('Say how to refer someone', 2000),
  places,
  contact: requiredText('Enter how to contact the service', 500),
  panelIds: ids('Select the panels it serves from the list'),
})
export type InterventionInput = z.output<typeof interventionInput>
export const interventionChanges = interventionInput.extend({ version: versionField })

export const directoryFilter = z.object({
  kind: z.union([z.enum(INTERVENTION_KINDS), z.literal('')]).optional(),
  panel: z.union([z.literal(''), idField('Select a panel from the list')]).optional(),
})

const reasonCode = z
  .union([z.enum(REASON_CODES), z.literal(''), z.null()], { error: 'Select a reason from the list' })
  .optional()
  .transform((v) => (v ? v : null))

/** A referral of a subject to a service: who refers is the panel, named when the user sits on several. */
export const episodeInput = z.object({
  interventionId: idField('Select the service from the directory'),
  panelId: z.union([z.literal(''), idField('Select the panel recording it')]).optional(),
  referredOn: day('Enter the day of the referral as a real date, like 2026-03-31'),
  notes: optionalText(5000),
})

/** What happened next: the service's answer, the start and the end. */
export const episodeProgress = z.object({
  referralOutcome: z.enum(REFERRAL_OUTCOMES, { error: 'Select the service’s answer' }),
  outcomeOn: optionalDay('Enter the day of the answer as a real date, like 2026-03-31'),
  reasonCode,
  startedOn: optionalDay('Enter the start as a real date, like 2026-03-31'),
  endedOn: optionalDay('Enter the end as a real date, like 2026-03-31'),
  ending: z
    .union([z.enum(ENDINGS), z.literal(''), z.null()], { error: 'Select how it ended' })
    .optional()
    .transform((v) => (v ? v : null)),
  notes: optionalText(5000),
  version: versionField,
})
export type EpisodeProgress = z.output<typeof episodeProgress>
