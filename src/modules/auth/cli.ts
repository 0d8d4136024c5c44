import { parseArgs } from 'node:util'
import { asCurrentUser } from '../../access/current-user.ts'
import { CLI_ACTOR, readStdin, UsageError } from '../../shared/command-line.ts'
import { ValidationError } from '../../shared/errors.ts'
import { newSecret } from '../../shared/secrets.ts'
import { command } from '../module.ts'
import { DEFAULT_TOKEN_DAYS, newTokenInput, TOKEN_DAYS } from './schema.ts'

const actor = CLI_ACTOR

function fieldProblems(error: unknown): string | undefined {
  if (error instanceof ValidationError) {
    return Object.entries(error.fieldErrors)
      .map(([field, message]) => `  ${field}: ${message}`)
      .join('\n')
  }
  return undefined
}

/** --expires-days as typed: one of the lengths a token may have (ADR 0009). */
function tokenDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOKEN_DAYS
  const days = Number(value)
  if (!(TOKEN_DAYS as readonly number[]).includes(days))
    throw new UsageError(`--expires-days takes ${TOKEN_DAYS.join(', ')} (days), not "${value}"`)
  return days
}

/** A person's id as typed after --person: a number, or "none" to unlink. */
function personArg(value: string): number | null {
  if (value.toLowerCase() === 'none') return null
  if (!/^\d+$/.test(value))
    throw new UsageError(`--person takes a person's id (see /admin/people) or "none", not "${value}"`)
  return Number(value)
}

// A generated password is long random text, shown once for the administrator to pass on securely.
const generatePassword = () => newSecret(15)

export const userCommands = [
  command({
    name: 'user add',
    usage:
      'safer user add --email EMAIL --name NAME --organisation SHORT_NAME_OR_ID --role ROLE [--person PERSON_ID] [--password-stdin]',
    summary: 'Create a user (prints a generated password unless one is piped in)',
    needs: ['partners', 'users'],
    async run({ args, out, err, withServices }) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          organisation: { type: 'string' },
          role: { type: 'string' },
          person: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      })
      if (!values.email || !values.name || !values.organisation || !values.role) {
        throw new UsageError('--email, --name, --organisation and --role are all required')
      }
      const personId = values.person === undefined ? undefined : personArg(values.person)
      const password = values['password-stdin'] ? await readStdin() : generatePassword()
      return withServices(async (s) => {
        const orgs = await s.partners.listOrganisations()
        const key = values.organisation?.toLowerCase()
        const org = orgs.find(
          (o) => String(o.id) === key || o.shortName.toLowerCase() === key || o.name.toLowerCase() === key,
        )
        if (!org) {
          err(
            `No organisation "${values.organisation}". Known: ${orgs.map((o) => o.shortName).join(', ') || 'none – add one with safer organisation add (or set Safer up with safer setup)'}`,
          )
          return 1
        }
        try {
          await s.users.create(actor, {
            email: values.email,
            name: values.name,
            organisationId: org.id,
            role: values.role,
            personId,
            password,
          })
        } catch (error) {
          const problems = fieldProblems(error)
          if (!problems) throw error
          err(`The user was not created:\n${problems}`)
          return 1
        }
        out(`Created ${values.email} (${values.role}, ${org.shortName}).`)
        if (!values['password-stdin'])
          out(`Password: ${password}\nGive it to them by a separate, secure route.`)
        return 0
      })
    },
  }),
  command({
    name: 'user list',
    usage: 'safer user list [--json]',
    summary: 'List users',
    needs: ['users'],
    async run({ args, out, withServices }) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      return withServices(async (s) => {
        const users = await s.users.list()
        if (values.json) {
          out(
            JSON.stringify(
              users.map((u) => ({
                email: u.email,
                name: u.name,
                role: u.role,
                organisation: u.organisationShortName,
                disabled: u.disabledAt !== null,
              })),
            ),
          )
        } else {
          for (const u of users)
            out(
              `${u.email.padEnd(32)} ${u.role.padEnd(20)} ${u.organisationShortName.padEnd(12)} ${u.disabledAt ? 'disabled' : 'active'}`,
            )
        }
        return 0
      })
    },
  }),
  command({
    name: 'user link',
    usage: 'safer user link EMAIL --person PERSON_ID|none  |  safer user link --suggest [--json]',
    summary:
      'Link a user to the person the plans name them as (or none); --suggest lists users sharing an email with a person',
    needs: ['users'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { person: { type: 'string' }, suggest: { type: 'boolean' }, json: { type: 'boolean' } },
      })
      if (values.suggest) {
        if (positionals.length || values.person !== undefined)
          throw new UsageError('--suggest takes no user or --person')
        return withServices(async (s) => {
          const suggestions = await s.users.suggestLinks()
          if (values.json) out(JSON.stringify(suggestions))
          else if (!suggestions.length) out('No unlinked user shares an email address with a person.')
          else {
            // Printed, never applied: an administrator confirms each with `safer user link EMAIL --person ID`.
            for (const { user, person, email } of suggestions)
              out(`${user.email}\t${user.name}\tperson ${person.id}\t${person.name}\t${email}`)
            out(
              `${suggestions.length} suggested. Confirm each with: safer user link EMAIL --person PERSON_ID`,
            )
          }
          return 0
        })
      }
      const email = positionals[0]
      if (!email || values.person === undefined)
        throw new UsageError('Give the email address of the user and --person PERSON_ID (or --person none)')
      const personId = personArg(values.person)
      return withServices(async (s) => {
        const user = await s.users.findByEmail(email)
        if (!user) {
          err(`No user with the email address ${email}`)
          return 1
        }
        try {
          await s.users.linkPerson(actor, user.id, { personId })
        } catch (error) {
          const problems = fieldProblems(error)
          if (!problems) throw error
          err(`The link was not changed:\n${problems}`)
          return 1
        }
        const linked = await s.users.get(user.id)
        out(
          linked.personId === null
            ? `${user.email} is linked to no person.`
            : `${user.email} is linked to ${linked.personName} (person ${linked.personId}).`,
        )
        return 0
      })
    },
  }),
  command({
    name: 'user disable',
    usage: 'safer user disable EMAIL',
    summary: 'Disable a user and end their sessions',
    needs: ['users'],
    async run({ args, out, err, withServices }) {
      const email = args[0]
      if (!email) throw new UsageError('Give the email address of the user to disable')
      return withServices(async (s) => {
        const user = await s.users.findByEmail(email)
        if (!user) {
          err(`No user with the email address ${email}`)
          return 1
        }
        await s.users.disable(actor, user.id, user.version)
        out(`Disabled ${user.email}; their sessions have ended.`)
        return 0
      })
    },
  }),
  command({
    name: 'user reset-password',
    usage: 'safer user reset-password EMAIL [--password-stdin]',
    summary: 'Set a new password (generated unless piped in), end their sessions and revoke their API tokens',
    needs: ['users'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'password-stdin': { type: 'boolean' } },
      })
      const email = positionals[0]
      if (!email) throw new UsageError('Give the email address of the user')
      const password = values['password-stdin'] ? await readStdin() : generatePassword()
      return withServices(async (s) => {
        const user = await s.users.findByEmail(email)
        if (!user) {
          err(`No user with the email address ${email}`)
          return 1
        }
        try {
          await s.users.setPassword(actor, user.id, { password })
        } catch (error) {
          const problems = fieldProblems(error)
          if (!problems) throw error
          err(`The password was not changed:\n${problems}`)
          return 1
        }
        out(
          `New password set for ${user.email}; their sessions have ended and their API tokens have been revoked.`,
        )
        if (!values['password-stdin']) out(`Password: ${password}`)
        return 0
      })
    },
  }),
  command({
    name: 'user token',
    usage: `safer user token EMAIL --name NAME [--expires-days ${TOKEN_DAYS.join('|')}]`,
    summary: 'Make an API token for a user, for a script: printed once, on its own line',
    help: [
      'Standard output is the token alone, so a script can keep it: TOKEN=$(safer user token …).',
      `It lasts ${DEFAULT_TOKEN_DAYS} days unless --expires-days says otherwise; the user sees and can revoke it`,
      'on their account page. Refused for an unknown or disabled user.',
    ].join('\n'),
    needs: ['users', 'auth'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { name: { type: 'string' }, 'expires-days': { type: 'string' } },
      })
      const email = positionals[0]
      if (!email || positionals.length > 1) throw new UsageError('Give the email address of one user')
      if (values.name === undefined)
        throw new UsageError('--name is required: what the token is for, such as the script that uses it')
      const input = newTokenInput.safeParse({
        name: values.name,
        expiresInDays: tokenDays(values['expires-days']),
      })
      if (!input.success) {
        err(`No token was made: ${input.error.issues.map((i) => i.message).join('; ')}`)
        return 1
      }
      const { name, expiresInDays } = input.data
      return withServices(async (s) => {
        const user = await s.users.findByEmail(email)
        if (!user) {
          err(`No user with the email address ${email}: no token was made`)
          return 1
        }
        // Their tokens would answer 401 anyway (ADR 0009); making one would only mislead the script's owner.
        if (user.disabledAt) {
          err(`${user.email} is disabled: no token was made. An administrator re-enables the user first.`)
          return 1
        }
        const made = await s.auth.createToken(asCurrentUser(user), name, actor, expiresInDays)
        out(made.token)
        err(
          `API token "${name}" made for ${user.email}, good until ${made.expiresAt.slice(0, 10)}. It is not shown again: keep it as a password.`,
        )
        return 0
      })
    },
  }),
]
