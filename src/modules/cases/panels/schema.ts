import { z } from 'zod'
import { idField, requiredText, versionField } from '../../../shared/validation.ts'
import { day } from '../shared-schema.ts'

export const PANEL_TYPES = [
  'marac',
  'iom',
  'youth-rmp',
  'community-marac',
  'channel',
  'mase',
  'knife-crime',
  'other',
] as const
export type PanelType = (typeof PANEL_TYPES)[number]

export const PANEL_TYPE_LABELS: Record<PanelType, string> = {
  marac: 'MARAC (domestic abuse)',
  iom: 'Integrated Offender Management',
  'youth-rmp': 'Youth Risk Management Panel',
  'community-marac': 'Community MARAC',
  channel: 'Channel',
  mase: 'MASE (child exploitation)',
  'knife-crime': 'Multi-agency knife crime panel',
  other: 'Other panel',
}

/** The bases DOMAIN.md gives for sharing case information, as an agreement names them. */
export const LEGAL_BASES = ['gdpr-6e-9g-para10', 'gdpr-6e-9g-para18', 'cda-s115', 'other'] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  'gdpr-6e-9g-para10':
    'UK GDPR art. 6(1)(e) and 9(2)(g), DPA 2018 Sch. 1 Pt 2 para 10 (preventing or detecting unlawful acts)',
  'gdpr-6e-9g-para18': 'UK GDPR art. 6(1)(e) and 9(2)(g), DPA 2018 Sch. 1 Pt 2 para 18 (safeguarding)',
  'cda-s115': 'Crime and Disorder Act 1998 s.115',
  other: 'Another basis, set out in the agreement',
}

export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'as needed'] as const

/** A list typed one a line, or a JSON array of ids or names. */
const lines = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) =>
    (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])).map((s) => s.trim()).filter((s) => s.length > 0),
  )

/** Ids from a multi-select (one or many) or a JSON array. */
const ids = (message: string) =>
  z
    .union([z.array(idField(message)), idField(message), z.literal('')])
    .optional()
    .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]))

export const panelInput = z.object({
  name: requiredText('Enter the panel’s name'),
  type: z.enum(PANEL_TYPES, { error: 'Select the type of panel' }),
  termsOfReference: requiredText('Enter the panel’s terms of reference', 5000),
  chairUserId: idField('Select the chair from the list'),
  cadence: z.enum(CADENCES, { error: 'Select how often the panel meets' }),
  organisationIds: ids('Select the member organisations from the list'),
  memberUserIds: ids('Select the members from the list'),
  isaParties: lines.refine(
    (v) => v.length > 0,
    'Enter the parties to the information sharing agreement, one a line',
  ),
  isaLegalBasis: z.enum(LEGAL_BASES, { error: 'Select the legal basis for sharing' }),
  isaReviewDate: day('Enter the agreement’s review date as a real date, like 2027-03-31'),
  retentionYears: z.coerce
    .number({ error: 'Enter the years to keep closed cases, such as 6' })
    .int('Enter the years to keep closed cases as a whole number, such as 6')
    .min(1, 'Keep closed cases for at least 1 year')
    .max(100, 'Keep closed cases for 100 years or fewer')
    .default(6),
  escalationIncidents: z.coerce
    .number({ error: 'Enter the incidents in 12 months that make potential escalation, such as 3' })
    .int('Enter the incidents in 12 months as a whole number, such as 3')
    .min(1, 'Potential escalation needs at least 1 incident')
    .max(100, 'Enter 100 incidents or fewer')
    .default(3),
})
export const panelChanges = panelInput.extend({ version: versionField })
