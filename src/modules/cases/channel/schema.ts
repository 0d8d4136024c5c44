import { z } from 'zod'
import { optionalText, requiredText } from '../../../shared/validation.ts'
import { VAF_NOTE_MAX, VAF_STATUSES } from '../rules/vaf-factors.ts'
import { day, optionalDay } from '../shared-schema.ts'
import { CONSENT_DECISIONS, CONSENT_GIVERS } from './consent-policy.ts'

export const SUPPORT_TYPES = [
  'mentoring',
  'theological-ideological',
  'education-training-employment',
  'health',
  'family',
  'life-skills',
  'other',
] as const
export type SupportType = (typeof SUPPORT_TYPES)[number]
export const SUPPORT_TYPE_LABELS: Record<SupportType, string> = {
  mentoring: 'Mentoring',
  'theological-ideological': 'Theological or ideological support (intervention provider)',
  'education-training-employment': 'Education, training or employment',
  health: 'Health, including mental health',
  family: 'Family support',
  'life-skills': 'Life skills',
  other: 'Other support',
}

/** One assessment: every factor rated; the rules in rules/vaf-factors.ts check the set is whole. */
export const vafInput = z.object({
  assessedOn: day('Enter the assessment date as a real date, like 2026-03-31'),
  ratings: z.record(
    z.string(),
    z.object({
      status: z.enum(VAF_STATUSES, { error: 'Choose present, not present or not known' }),
      note: optionalText(VAF_NOTE_MAX).transform((v) => v ?? undefined),
    }),
    { error: 'Rate every factor' },
  ),
})
export type VafInput = z.output<typeof vafInput>

export const consentInput = z.object({
  decision: z.enum(CONSENT_DECISIONS, { error: 'Select the decision' }),
  givenBy: z.enum(CONSENT_GIVERS, { error: 'Select who decided' }),
  decidedOn: day('Enter the date of the decision as a real date, like 2026-03-31'),
  obtainedBy: requiredText('Enter who obtained the decision (name and role)', 200),
  note: optionalText(2000),
})

export const supportInput = z
  .object({
    supportType: z.enum(SUPPORT_TYPES, { error: 'Select the type of support' }),
    provider: requiredText('Enter the intervention provider', 200),
    startsOn: day('Enter the start date as a real date, like 2026-03-31'),
    endsOn: optionalDay('Enter the end date as a real date, like 2026-03-31'),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'The end date cannot be before the start date',
  })
