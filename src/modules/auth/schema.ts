import { z } from 'zod'
import { emailField, idField, requiredText, versionField } from '../../shared/validation.ts'
import { passwordProblems } from './passwords.ts'
import { ROLES } from '../../access/roles.ts'

const role = z.enum(ROLES, { error: 'Select a role' })
const password = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .superRefine((value, ctx) => {
    for (const message of passwordProblems(value)) ctx.addIssue({ code: 'custom', message })
  })

export const signInInput = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().toLowerCase().min(1, 'Enter your email address').max(254),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256),
})

export const newUserInput = z.object({
  email: emailField,
  name: requiredText('Enter the person’s full name'),
  organisationId: idField('Select an organisation'),
  role,
  password,
})

export const userChangesInput = z.object({
  email: emailField,
  name: requiredText('Enter the person’s full name'),
  organisationId: idField('Select an organisation'),
  role,
  version: versionField,
})

export const setPasswordInput = z.object({ password })

export const changeOwnPasswordInput = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
  password,
})

export const newTokenInput = z.object({ name: requiredText('Enter a name for the token, such as the script that uses it', 100) })

export type NewUserInput = z.input<typeof newUserInput>
export type UserChangesInput = z.input<typeof userChangesInput>
