import { z } from 'zod'
import { idField, optionalText, requiredText, versionField } from '../../../shared/validation.ts'
import {
  DESELECTION_REASONS,
  IOM_COHORTS,
  IOM_PATHWAYS,
  NEED_LEVELS,
  PROGRESS_STATES,
} from '../rules/iom-cohorts.ts'
import { day, optionalDay } from '../shared-schema.ts'

/** A Home Office offence code as the crime recording rules write it: classification/subclass, like 28/1 or 125/23. */
const HOME_OFFICE_CODE = /^\d{1,3}[A-Z]?\/\d{1,2}[A-Z]?$/

export const offenceInput = z.object({
  date: day('Enter the offence date as a real date, like 2026-03-31'),
  group: requiredText('Select the offence group', 60),
  homeOfficeCode: z
    .union([z.literal(''), z.null(), z.string().trim().toUpperCase().regex(HOME_OFFICE_CODE)], {
      error: 'Enter the Home Office code like 28/1, or leave it blank',
    })
    .optional()
    .transform((v) => (v ? v : null)),
  sourceNote: optionalText(1000),
})
export type OffenceInput = z.output<typeof offenceInput>

export const decisionInput = z.object({
  decision: z.enum(['accepted', 'rejected'], { error: 'Choose accept or reject' }),
  on: optionalDay('Enter the date of the decision as a real date'),
  reason: requiredText('Give the panel’s reason', 2000),
})

export const selectionInput = z.object({
  cohort: z.enum(IOM_COHORTS, { error: 'Choose the Fixed, Flex or Free cohort' }),
  selectedOn: day('Enter the selection date as a real date, like 2026-03-31'),
  selectionReason: requiredText('Give the reason for selecting this person', 2000),
})

export const deselectionInput = z.object({
  deselectedOn: day('Enter the de-selection date as a real date, like 2026-03-31'),
  deselectionReason: z.enum(DESELECTION_REASONS, { error: 'Choose the reason for de-selection' }),
  deselectionNote: requiredText('Say in words why this person is de-selected', 2000),
  version: versionField,
})

export const pathwayInput = z.object({
  pathway: z.enum(IOM_PATHWAYS, { error: 'Choose one of the five pathways' }),
  need: z.enum(NEED_LEVELS, { error: 'Choose no need, low, medium or high' }),
  progress: z
    .union([z.enum(PROGRESS_STATES), z.literal(''), z.null()], {
      error: 'Choose not started, in progress, achieved or disengaged',
    })
    .optional()
    .transform((v) => (v ? v : undefined)),
  reviewedOn: day('Enter the review date as a real date, like 2026-03-31'),
  note: optionalText(2000),
})

const points = (message: string) => z.coerce.number({ error: message }).min(0, message).max(1000, message)

/** The panel's matrix and eligibility rules, as the settings form and the API send them. */
export const settingsInput = z.object({
  groups: z
    .array(
      z.object({
        id: requiredText('Give every offence group an id', 60),
        label: requiredText('Give every offence group a name', 100),
        gravity: points('Gravity must be a number, 0 or more'),
        priority: points('Priority must be a number, 0 or more'),
        neighbourhoodCrime: z.coerce.boolean().optional(),
      }),
    )
    .min(1, 'Give at least one offence group'),
  recencyBands: z
    .array(
      z.object({
        months: z.coerce.number().int('Band months must be whole'),
        points: points('Band points must be 0 or more'),
      }),
    )
    .min(1, 'Give at least one recency band'),
  windowMonths: z.coerce.number({ error: 'The window must be a whole number of months' }),
  frequencyPoints: points('Frequency points must be 0 or more'),
  fallbackGroup: requiredText('Choose the fallback group', 60),
  codeGravity: z.record(z.string().regex(HOME_OFFICE_CODE), points('Gravity must be 0 or more')).optional(),
  eligibilityMonths: z.coerce
    .number({ error: 'Enter the eligibility period in whole months' })
    .int('Enter the eligibility period in whole months')
    .min(1, 'The eligibility period is at least 1 month')
    .max(120, 'The eligibility period is at most 120 months'),
  flexGroups: z.array(z.string()).optional(),
  version: versionField.optional(),
})
export type SettingsInput = z.output<typeof settingsInput>

export const subjectOnPanel = z.object({
  id: idField('Must be a panel id'),
  subjectId: idField('Must be a subject id'),
})
