import { z } from 'zod'
import { LOCAL_AUTHORITY_CODE, ORGANISATION_TYPES } from '../../shared/organisation-types.ts'
import { emailField, requiredText, versionField } from '../../shared/validation.ts'

const AREA_MESSAGE =
  'Enter the ONS code of the local authority the partnership serves, such as E09000028 for Southwark'

const partnership = {
  partnershipName: requiredText('Enter the partnership’s name, such as Safer Southwark Partnership'),
  areaCode: z.string({ error: AREA_MESSAGE }).trim().toUpperCase().regex(LOCAL_AUTHORITY_CODE, AREA_MESSAGE),
}

/** The partnership's settings as an administrator changes them later. */
export const partnershipChanges = z.object({ ...partnership, version: versionField })

/**
 * What setting up asks, in the same words on the command line and the setup page: the
 * partnership, its first organisations, and the first administrator. Field names are the page's.
 */
export const setupInput = z.object({
  ...partnership,
  organisations: z
    .array(
      z.object({
        shortName: requiredText('Give each organisation a short name, such as LBS', 20),
        name: requiredText('Give each organisation its name'),
        type: z.enum(ORGANISATION_TYPES),
      }),
    )
    .default([]),
  adminEmail: emailField,
  adminName: requiredText('Enter the administrator’s full name'),
  adminOrganisation: requiredText(
    'Enter the short name of the administrator’s organisation, such as LBS',
    20,
  ),
  password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password'),
})

export type SetupInput = z.input<typeof setupInput>
