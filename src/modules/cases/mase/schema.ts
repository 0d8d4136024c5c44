import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../../shared/validation.ts'
import { subjectInput } from '../referrals/schema.ts'
import { day } from '../shared-schema.ts'

export const LOCATION_TYPES = ['hotel', 'park', 'takeaway', 'address', 'other'] as const
export type LocationType = (typeof LOCATION_TYPES)[number]
export const LOCATION_TYPE_LABELS: Record<LocationType, string> = {
  hotel: 'Hotel',
  park: 'Park',
  takeaway: 'Takeaway',
  address: 'Address',
  other: 'Other place',
}

export const DISRUPTION_TYPES = [
  'abduction-notice',
  'licensing-visit',
  'hotel-watch',
  'patrol',
  'other',
] as const
export type DisruptionType = (typeof DISRUPTION_TYPES)[number]
export const DISRUPTION_TYPE_LABELS: Record<DisruptionType, string> = {
  'abduction-notice': 'Child abduction warning notice',
  'licensing-visit': 'Licensing visit',
  'hotel-watch': 'Hotel watch',
  patrol: 'Patrol',
  other: 'Other disruption',
}

export const DISRUPTION_STATUSES = ['planned', 'done', 'not-done'] as const
export type DisruptionStatus = (typeof DISRUPTION_STATUSES)[number]
export const DISRUPTION_STATUS_LABELS: Record<DisruptionStatus, string> = {
  planned: 'Planned',
  done: 'Done',
  'not-done': 'Not done',
}

/** A person of concern's role on the case, among part 1's subject roles. */
export const PERSON_OF_CONCERN = 'person-of-concern'

export const locationInput = z.object({
  locationType: z.enum(LOCATION_TYPES, { error: 'Select the type of place' }),
  place: requiredText('Enter the address or describe the place', 500),
})

/** A person of concern: as a subject of a referral, with an answer for every match candidate shown. */
export const personOfConcernInput = subjectInput.omit({ role: true })

export const disruptionInput = z.object({
  disruptionType: z.enum(DISRUPTION_TYPES, { error: 'Select the type of disruption' }),
  detail: requiredText('Describe the disruption', 2000),
  ownerOrganisationId: idField('Select the organisation that owns it'),
  dueOn: day('Enter the due date as a real date, like 2026-03-31'),
})

export const disruptionUpdate = z.object({
  status: z.enum(DISRUPTION_STATUSES, { error: 'Select the status' }),
  result: optionalText(2000),
  version: versionField,
})
