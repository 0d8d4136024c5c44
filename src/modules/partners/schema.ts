import { z } from 'zod'
import { LOCAL_AUTHORITY_CODE, ORGANISATION_TYPES } from '../../shared/organisation-types.ts'
import { idField, optionalText, requiredText, versionField } from '../../shared/validation.ts'

export const organisationInput = z.object({
  name: requiredText('Enter the organisation’s name'),
  shortName: requiredText('Enter a short name, such as LBS or MPS', 20),
  type: z.enum(ORGANISATION_TYPES, { error: 'Select the type of organisation' }),
})
export const organisationChanges = organisationInput.extend({ version: versionField })

const optionalId = z
  .union([z.literal(''), z.null(), idField('Select an organisation')], { error: 'Select an organisation' })
  .optional()
  .transform((v) => (v === '' || v == null ? null : v))

export const personInput = z.object({
  name: requiredText('Enter the person’s name'),
  jobTitle: optionalText(),
  organisationId: optionalId,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Enter an email address in the correct format, like name@example.org',
    )
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
})
export const personChanges = personInput.extend({ version: versionField })

export type OrganisationInput = z.input<typeof organisationInput>
export type PersonInput = z.input<typeof personInput>

export const partnershipInput = z.object({
  name: requiredText('Enter the partnership’s name, such as Safer Southwark Partnership'),
  areaCode: z
    .string({ error: 'Enter the ONS code of the local authority the partnership serves, such as E09000028' })
    .trim()
    .toUpperCase()
    .regex(
      LOCAL_AUTHORITY_CODE,
      'Enter the ONS code of the local authority the partnership serves, such as E09000028',
    ),
  areaName: requiredText('Enter the local authority’s name'),
  // Given by the settings page, so a save over someone else's change is refused; setup gives none.
  version: versionField.optional(),
})
export type PartnershipInput = z.input<typeof partnershipInput>
