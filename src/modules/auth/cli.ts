import { parseArgs } from 'node:util'
import { CLI_ACTOR, readStdin, UsageError } from '../../shared/command-line.ts'
import { ValidationError } from '../../shared/errors.ts'
import { command } from '../module.ts'
import { newSecret } from './secrets.ts'

const actor = CLI_ACTOR

function fieldProblems(error: unknown): string | undefined {
  if (error instanceof ValidationError) {
    return Object.entries(error.fieldErrors)
      .map(([field, message]) => `  ${field}: ${message}`)
      .join('\n')
  }
  return undefined
}

// A generated password is long random text, shown once for the administrator to pass on securely.
const generatePassword = () => newSecret(15)

export const userCommands = [
  command({
    name: 'user add',
    usage: 'safer user add --email EMAIL --name NAME --organisation SHORT_NAME_OR_ID --role ROLE [--password-stdin]',
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
          'password-stdin': { type: 'boolean' },
        },
      })
      if (!values.email || !values.name || !values.organisation || !values.role) {
        throw new UsageError('--email, --name, --organisation and --role are all required')
      }
      const password = values['password-stdin'] ? await readStdin() : generatePassword()
      return withServices(async (s) => {
        const orgs = await s.partners.listOrganisations()
        const key = values.organisation?.toLowerCase()
        const org = orgs.find((o) => String(o.id) === key || o.short_name.toLowerCase() === key || o.name.toLowerCase() === key)
        if (!org) {
          err(`No organisation "${values.organisation}". Known: ${orgs.map((o) => o.short_name).join(', ') || 'none – add one first'}`)
          return 1
        }
        try {
          await s.users.create(actor, { email: values.email, name: values.name, organisationId: org.id, role: values.role, password })
        } catch (error) {
          const problems = fieldProblems(error)
          if (!problems) throw error
          err(`The user was not created:\n${problems}`)
          return 1
        }
        out(`Created ${values.email} (${values.role}, ${org.short_name}).`)
        if (!values['password-stdin']) out(`Password: ${password}\nGive it to them by a separate, secure route.`)
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
          out(JSON.stringify(users.map((u) => ({ email: u.email, name: u.name, role: u.role, organisation: u.organisation_short_name, disabled: u.disabled_at !== null }))))
        } else {
          for (const u of users) out(`${u.email.padEnd(32)} ${u.role.padEnd(20)} ${u.organisation_short_name.padEnd(12)} ${u.disabled_at ? 'disabled' : 'active'}`)
        }
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
    summary: 'Set a new password (generated unless piped in) and end their sessions',
    needs: ['users'],
    async run({ args, out, err, withServices }) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'password-stdin': { type: 'boolean' } } })
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
        out(`New password set for ${user.email}; their sessions have ended.`)
        if (!values['password-stdin']) out(`Password: ${password}`)
        return 0
      })
    },
  }),
]
