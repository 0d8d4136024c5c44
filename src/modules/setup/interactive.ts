import { ValidationError } from '../../shared/errors.ts'
import { type OrganisationLine, parseOrganisationLine } from './organisation-line.ts'
import type { Prompter } from './prompts.ts'

export interface SetupAnswers {
  partnershipName?: string
  areaCode?: string
  organisations: OrganisationLine[]
  adminEmail?: string
  adminName?: string
  adminOrganisation?: string
  password?: string
}

async function required(prompter: Prompter, question: string): Promise<string> {
  for (;;) {
    const answer = await prompter.ask(question)
    if (answer) return answer
  }
}

/**
 * Asks at the terminal for whatever the flags left out, in the order the setup page asks it.
 * The password is asked twice, without echo, until both match.
 */
export async function askForSetup(
  prompter: Prompter,
  given: SetupAnswers,
  out: (line: string) => void,
): Promise<SetupAnswers> {
  const answers = { ...given, organisations: [...given.organisations] }
  out('Setting up Safer for your partnership. You can change all of this later, once signed in.')
  answers.partnershipName ??= await required(
    prompter,
    'Partnership name (for example, Safer Southwark Partnership): ',
  )
  answers.areaCode ??= await required(
    prompter,
    'ONS code of the local authority it serves (for example, E09000028 for Southwark): ',
  )
  if (answers.organisations.length === 0) {
    out(
      'Partner organisations, one a line as SHORT=Name (type), for example LBS=London Borough of Southwark (council).',
    )
    out(
      'Types: council, police, probation, health, fire, youth justice, education, voluntary, other. An empty line ends the list.',
    )
    for (;;) {
      const line = await prompter.ask('Organisation: ')
      if (!line) {
        if (answers.organisations.length) break
        out('Add at least one: the administrator’s own organisation.')
        continue
      }
      try {
        answers.organisations.push(parseOrganisationLine(line))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        out(Object.values(error.fieldErrors).join(' '))
      }
    }
  }
  answers.adminName ??= await required(prompter, 'The first administrator’s full name: ')
  answers.adminEmail ??= await required(prompter, 'Their email address (they sign in with it): ')
  answers.adminOrganisation ??= await required(
    prompter,
    `Their organisation’s short name (${answers.organisations.map((o) => o.shortName).join(', ')}): `,
  )
  while (answers.password === undefined) {
    const password = await prompter.secret('Their password (at least 12 characters; not shown): ')
    if (password !== (await prompter.secret('The same password again: ')))
      out('The two passwords were not the same. Try again.')
    else answers.password = password
  }
  return answers
}
