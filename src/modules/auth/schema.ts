import { z } from 'zod'
import { ROLES } from '../../access/roles.ts'
import { emailField, idField, requiredText, versionField } from '../../shared/validation.ts'
import { passwordProblems } from './passwords.ts'

const role = z.enum(ROLES, { error: 'Select a role' })
const password = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .superRefine((value, ctx) => {
    for (const message of passwordProblems(value)) ctx.addIssue({ code: 'custom', message })
  })

/**
 * The person in the plans the user is: an id, or '' / null for none. Left out, it is not changed
 * (API clients that predate the link keep working).
 */
const personId = z
  .union([z.literal(''), z.null(), idField('Select a person from the list')])
  .optional()
  .transform((v) => (v === '' ? null : v))

export const signInInput = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address')
    .max(254),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256),
})

export const newUserInput = z.object({
  email: emailField,
  name: requiredText('Enter the person’s full name'),
  organisationId: idField('Select an organisation'),
  role,
  password,
  personId,
})

export const userChangesInput = z.object({
  email: emailField,
  name: requiredText('Enter the person’s full name'),
  organisationId: idField('Select an organisation'),
  role,
  personId,
  version: versionField,
})

export const userPersonInput = z.object({ personId: personId.transform((v) => v ?? null) })

export const setPasswordInput = z.object({ password })

export const changeOwnPasswordInput = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
  password,
  // A ticked checkbox sends its value; an unticked one sends nothing.
  revokeTokens: z.preprocess((v) => v === true || v === 'yes', z.boolean()),
})

/** How long a new API token lasts, in days: a short list, so no token is made to last for ever. */
export const TOKEN_DAYS = [7, 30, 90, 365] as const
export const DEFAULT_TOKEN_DAYS = 90
const TOKEN_DAYS_MESSAGE = 'Choose how long the token lasts'

export const newTokenInput = z.object({
  name: requiredText('Enter a name for the token, such as the script that uses it', 100),
  expiresInDays: z.preprocess(
    (v) => (v === undefined || v === '' ? DEFAULT_TOKEN_DAYS : Number(v)),
    z
      .number({ error: TOKEN_DAYS_MESSAGE })
      .refine((v) => (TOKEN_DAYS as readonly number[]).includes(v), TOKEN_DAYS_MESSAGE),
  ),
})

export type NewUserInput = z.input<typeof newUserInput>
export type UserChangesInput = z.input<typeof userChangesInput>
