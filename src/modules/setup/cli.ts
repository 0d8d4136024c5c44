import { parseArgs } from 'node:util'
import { CLI_ACTOR, readStdin, UsageError } from '../../shared/command-line.ts'
import { ValidationError } from '../../shared/errors.ts'
import { newSecret } from '../../shared/secrets.ts'
import { command } from '../module.ts'
import { askForSetup, type SetupAnswers } from './interactive.ts'
import { parseOrganisationLine } from './organisation-line.ts'
import { terminalPrompter } from './prompts.ts'
import { AlreadySetUpError } from './service.ts'

const FLAGS: Array<[keyof SetupAnswers, string]> = [
  ['partnershipName', '--partnership-name'],
  ['areaCode', '--area-code'],
  ['adminEmail', '--admin-email'],
  ['adminName', '--admin-name'],
  ['adminOrganisation', '--admin-organisation'],
]

// The setup page's field names, as the flags an operator typed.
const FLAG_OF_FIELD: Record<string, string> = {
  ...Object.fromEntries(FLAGS.map(([field, flag]) => [field, flag])),
  organisations: '--organisation',
  password: 'password',
}

export const setupCommand = command({
  name: 'setup',
  usage:
    'safer setup [--partnership-name NAME] [--area-code ONS_CODE] [--organisation "SHORT=Name (type)"]... [--admin-email EMAIL] [--admin-name NAME] [--admin-organisation SHORT] [--password-stdin]',
  summary:
    'Set up an empty installation: the partnership, its first organisations and the first administrator',
  help: [
    'At a terminal, asks for whatever the flags leave out (the password without echo). In a script, give every flag;',
    'the password is read from standard input with --password-stdin, or generated and printed once.',
    '--organisation is repeatable: SHORT=Name, with the type in brackets (council, police, probation, health, fire,',
    'youth justice, education, voluntary, other), e.g. --organisation "LBS=London Borough of Southwark (council)".',
    'Everything is written in one transaction, or nothing is. Refused once an administrator exists.',
  ].join('\n'),
  needs: ['setup'],
  async run({ args, out, err, withServices }) {
    const { values } = parseArgs({
      args,
      options: {
        'partnership-name': { type: 'string' },
        'area-code': { type: 'string' },
        organisation: { type: 'string', multiple: true },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        'admin-organisation': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    })
    const organisations = (values.organisation ?? []).map((line) => {
      try {
        return parseOrganisationLine(line)
      } catch (error) {
        if (error instanceof ValidationError)
          throw new UsageError(`--organisation ${Object.values(error.fieldErrors).join(' ')}`)
        throw error
      }
    })
    let answers: SetupAnswers = {
      partnershipName: values['partnership-name'],
      areaCode: values['area-code'],
      organisations,
      adminEmail: values['admin-email'],
      adminName: values['admin-name'],
      adminOrganisation: values['admin-organisation'],
      password: values['password-stdin'] ? await readStdin() : undefined,
    }
    const interactive = Boolean(process.stdin.isTTY) && !values['password-stdin']
    if (!interactive) {
      const missing = FLAGS.filter(([field]) => !answers[field]).map(([, flag]) => flag)
      if (!organisations.length) missing.push('--organisation')
      if (missing.length)
        throw new UsageError(`Not at a terminal, so every answer must be a flag: give ${missing.join(', ')}`)
    }
    return withServices(async ({ setup }) => {
      if (await setup.isSetUp()) throw new AlreadySetUpError()
      let generated = false
      if (interactive) {
        const prompter = terminalPrompter()
        try {
          answers = await askForSetup(prompter, answers, out)
        } finally {
          prompter.close()
        }
      } else if (answers.password === undefined) {
        answers.password = newSecret(15)
        generated = true
      }
      let done: Awaited<ReturnType<typeof setup.complete>>
      try {
        done = await setup.complete(CLI_ACTOR, answers)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        err('Safer was not set up; nothing was saved:')
        for (const [field, message] of Object.entries(error.fieldErrors))
          err(`  ${FLAG_OF_FIELD[field] ?? field}: ${message}`)
        return 1
      }
      const { partnership, organisations: orgs, administrator } = done
      out(`Safer is set up for ${partnership.name} (${partnership.areaName}, ${partnership.areaCode}).`)
      for (const o of orgs)
        out(`  ${o.added ? 'added' : 'kept '} ${o.shortName.padEnd(12)} ${o.name} (${o.type})`)
      out(
        `Administrator: ${administrator.email} (${administrator.name}, ${administrator.organisationShortName}).`,
      )
      if (generated)
        out(
          `Password: ${answers.password}\nGive it to them by a separate, secure route; they can change it on Your account.`,
        )
      out('Next: start Safer with "safer serve" and sign in.')
      return 0
    })
  },
})
