import { z } from 'zod'
import { optionalText, requiredText } from '../../../shared/validation.ts'
import { day, optionalDay } from '../shared-schema.ts'

const flag = z
  .union([z.boolean(), z.literal('yes'), z.literal('no'), z.literal(''), z.literal('on')])
  .optional()
  .transform((v) => v === true || v === 'yes' || v === 'on')

export const complaintInput = z.object({
  reportedOn: day('Enter the date of the complaint as a real date, like 2026-03-31'),
  incidentOn: optionalDay('Enter the date of the behaviour as a real date, like 2026-03-31'),
  agency: requiredText('Enter the agency the complaint was made to', 200),
  hateIncident: flag,
  household: optionalText(200),
})

export const applicationInput = z.object({
  forename: requiredText('Enter the applicant’s forename', 100),
  surname: requiredText('Enter the applicant’s surname', 100),
  dateOfBirth: day('Enter the applicant’s date of birth as a real date, like 1970-03-31'),
  address: requiredText('Enter the applicant’s address, for the outcome letter', 500),
  onBehalfOf: optionalText(500),
  receivedOn: day('Enter the date the application was received as a real date, like 2026-03-31'),
  location: requiredText('Enter where the behaviour happens', 500),
  complaints: z.array(complaintInput).min(1, 'Enter at least one complaint').max(50, 'Up to 50 complaints'),
})
export type ApplicationInput = z.output<typeof applicationInput>

export const ASB_STEPS = ['acknowledge', 'decide', 'meet'] as const

export const stepInput = z.discriminatedUnion(
  'step',
  [
    z.object({
      step: z.literal('acknowledge'),
      on: day('Enter the date acknowledged as a real date, like 2026-03-31'),
    }),
    z.object({
      step: z.literal('decide'),
      on: day('Enter the date of the decision as a real date, like 2026-03-31'),
      thresholdMet: z.enum(['yes', 'no'], { error: 'Say whether the threshold is met' }),
      reason: requiredText('Give the reason for the decision', 5000),
    }),
    z.object({
      step: z.literal('meet'),
      on: day('Enter the date of the review meeting as a real date, like 2026-03-31'),
      recommendations: requiredText('Enter the review’s recommendations', 10_000),
    }),
  ],
  { error: 'Choose what to record' },
)

const whole = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(365, message)
const optionalWhole = (message: string) =>
  z
    .union([z.literal(''), z.null(), whole(message)])
    .optional()
    .transform((v) => (v === '' || v === null || v === undefined ? undefined : v))

export const asbSettingsInput = z.object({
  complaints: whole('Enter the number of complaints, 1 or more'),
  withinMonths: whole('Enter the months, 1 or more'),
  reportWithinMonths: optionalWhole('Enter the months, 1 or more, or leave it blank'),
  hateIncidents: optionalWhole('Enter the number of hate incidents, 1 or more, or leave it blank'),
  households: optionalWhole('Enter the number of households, 1 or more, or leave it blank'),
  acknowledge: whole('Enter the working days, 1 or more'),
  decide: whole('Enter the working days, 1 or more'),
  meet: whole('Enter the working days, 1 or more'),
})
