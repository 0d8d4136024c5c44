import { z } from 'zod'
import { idField, optionalText, requiredText } from '../../../shared/validation.ts'
import { dashInput } from '../assessments/schema.ts'
import { LEGAL_BASES } from '../panels/schema.ts'
import { day, optionalDay } from '../shared-schema.ts'
import { REFERRAL_STATUSES } from './lifecycle.ts'

export const SUBJECT_ROLES = [
  'victim',
  'perpetrator',
  'offender',
  'child-in-household',
  'family-member',
  'person-of-concern',
  'other',
] as const
export type SubjectRole = (typeof SUBJECT_ROLES)[number]
export const SUBJECT_ROLE_LABELS: Record<SubjectRole, string> = {
  victim: 'Victim',
  perpetrator: 'Perpetrator',
  offender: 'Offender',
  'child-in-household': 'Child in the household',
  'family-member': 'Family member',
  'person-of-concern': 'Person of concern',
  other: 'Other',
}

export const GENDERS = ['female', 'male', 'non-binary', 'not-known'] as const
export const DISABILITY = ['yes', 'no', 'not-known'] as const
export const SEXUALITIES = ['heterosexual', 'gay-or-lesbian', 'bisexual', 'other', 'not-known'] as const
export const CONSENTS = ['given', 'not-sought', 'refused'] as const
export type Consent = (typeof CONSENTS)[number]
export const CONSENT_LABELS: Record<Consent, string> = {
  given: 'Given',
  'not-sought': 'Not sought',
  refused: 'Refused',
}

const name = z.object({
  forename: requiredText('Enter the forename', 100),
  surname: requiredText('Enter the surname', 100),
})

/** One person on a referral, with what the referrer said of each match candidate they were shown. */
export const subjectInput = z.object({
  role: z.enum(SUBJECT_ROLES, { error: 'Select the person’s role in the case' }),
  forename: requiredText('Enter the forename', 100),
  surname: requiredText('Enter the surname', 100),
  dateOfBirth: day('Enter the date of birth as a real date, like 1990-03-31'),
  gender: z.enum(GENDERS, { error: 'Select the gender' }),
  ethnicity: optionalText(100),
  disability: z
    .union([z.enum(DISABILITY), z.literal('')])
    .optional()
    .transform((v) => v || null),
  sexuality: z
    .union([z.enum(SEXUALITIES), z.literal('')])
    .optional()
    .transform((v) => v || null),
  aliases: z.array(name).max(10, 'Up to 10 other names').default([]),
  addresses: z
    .array(
      z.object({
        address: requiredText('Enter the address', 500),
        from: optionalDay('Enter the date they moved in as a real date'),
        to: optionalDay('Enter the date they moved out as a real date'),
      }),
    )
    .max(20, 'Up to 20 addresses')
    .default([]),
  /** Candidate subject id → "same" or "different": every candidate shown must be answered. */
  matches: z.record(z.string(), z.enum(['same', 'different'])).default({}),
})
export type SubjectInput = z.output<typeof subjectInput>

export const referralInput = z
  .object({
    panelId: idField('Select the panel to refer to'),
    /** The system only (samples, demo): a signed-in referrer is always themselves. */
    referringUserId: idField('Select the referring officer').optional(),
    reasons: requiredText('Enter the reasons for the referral', 10_000),
    risk: requiredText('Enter the risk information', 20_000),
    consent: z.enum(CONSENTS, { error: 'Select whether the person consented to the referral' }),
    shareWithoutConsentReason: optionalText(5000),
    shareWithoutConsentBasis: z
      .union([z.enum(LEGAL_BASES), z.literal('')])
      .optional()
      .transform((v) => v || null),
    referredOn: optionalDay('Enter the referral date as a real date'),
    subjects: z
      .array(subjectInput, { error: 'Add at least one person to the referral' })
      .min(1, 'Add at least one person to the referral')
      .max(20, 'Up to 20 people on one referral'),
    /** The SafeLives Dash checklist, for a MARAC referral: all 24 answers when given at all. */
    dash: dashInput.nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.consent !== 'given') {
      if (!r.shareWithoutConsentReason)
        ctx.addIssue({
          code: 'custom',
          path: ['shareWithoutConsentReason'],
          message: 'Without consent, record why the information is shared',
        })
      if (!r.shareWithoutConsentBasis)
        ctx.addIssue({
          code: 'custom',
          path: ['shareWithoutConsentBasis'],
          message: 'Without consent, select the legal basis for sharing',
        })
    }
  })
export type ReferralInput = z.output<typeof referralInput>

export const moveInput = z.object({
  status: z.enum(REFERRAL_STATUSES, { error: 'Select what happens to the referral' }),
  reason: optionalText(5000),
  on: optionalDay('Enter the date as a real date, like 2026-03-31'),
})

export const searchInput = z.object({
  surname: requiredText('Enter the surname', 100),
  forename: optionalText(100),
  dateOfBirth: day('Enter the date of birth as a real date, like 1990-03-31'),
})

export const breakGlassInput = z.object({
  reason: z
    .string({ error: 'Say why you need to open this case now' })
    .trim()
    .min(10, 'Say why you need to open this case now, in at least 10 characters')
    .max(2000, 'Must be 2000 characters or fewer'),
})
