import { z } from 'zod'
import { idField, optionalText, requiredText } from '../../../shared/validation.ts'
import { MAX_TRANSITION_LEAD_MONTHS } from '../rules/transition-rules.ts'
import { day, optionalDay } from '../shared-schema.ts'

export const RISK_LEVELS = ['standard', 'medium', 'high', 'very-high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High',
  'very-high': 'Very high',
}

export const RISK_TO = ['self', 'public', 'known-adult', 'child', 'staff', 'other'] as const
export type RiskTo = (typeof RISK_TO)[number]
export const RISK_TO_LABELS: Record<RiskTo, string> = {
  self: 'Self',
  public: 'The public',
  'known-adult': 'A known adult',
  child: 'A child',
  staff: 'Staff',
  other: 'Other',
}

export const OPTION_KINDS = ['enforcement', 'prevention', 'diversion'] as const
export type OptionKind = (typeof OPTION_KINDS)[number]
export const OPTION_KIND_LABELS: Record<OptionKind, string> = {
  enforcement: 'Enforcement',
  prevention: 'Prevention',
  diversion: 'Diversion',
}

/** The panels this part's risk reviews and transitions belong to. */
export const YOUTH_PANEL_TYPES = ['youth-rmp', 'knife-crime'] as const

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

export const riskOptionInput = z.object({
  kind: z.enum(OPTION_KINDS, { error: 'Select enforcement, prevention or diversion' }),
  option: requiredText('Describe the option agreed', 1000),
  /** A service in the interventions directory, when it names one. */
  interventionServiceId: z
    .union([z.literal(''), z.null(), idField('Select the service from the list')])
    .optional()
    .transform((v) => (v ? v : null)),
})

export const riskReviewInput = z.object({
  reviewedOn: day('Enter the review date as a real date, like 2026-03-31'),
  riskLevel: z.enum(RISK_LEVELS, { error: 'Select the shared risk level' }),
  riskTo: list(z.enum(RISK_TO, { error: 'Select whom the risk is to' })).refine((v) => v.length > 0, {
    message: 'Select whom the risk is to',
  }),
  riskFactors: requiredText('Enter the risk factors', 5000),
  protectiveFactors: requiredText('Enter the protective factors', 5000),
  options: z.array(riskOptionInput).max(20, 'Up to 20 options').default([]),
})
export type RiskReviewInput = z.output<typeof riskReviewInput>

export const transitionInput = z.object({
  subjectId: idField('Select the young person'),
  toPanelId: z
    .union([z.literal(''), z.null(), idField('Select the adult panel from the list')])
    .optional()
    .transform((v) => (v ? v : null)),
  toService: optionalText(200),
  transferredOn: day('Enter the date of the transition as a real date, like 2026-03-31'),
  note: optionalText(2000),
})

export const youthSettingsInput = z.object({
  transitionLeadMonths: z.coerce
    .number({ error: 'Enter the lead in whole months' })
    .int('Enter the lead in whole months')
    .min(0, `Enter a lead from 0 to ${MAX_TRANSITION_LEAD_MONTHS} months`)
    .max(MAX_TRANSITION_LEAD_MONTHS, `Enter a lead from 0 to ${MAX_TRANSITION_LEAD_MONTHS} months`),
})

export { optionalDay }
