import { ConfigError, loadConfig } from '../config.ts'
import { findCommand, helpText, loadCatalogue } from './catalogue.ts'
import { UsageError } from './command.ts'
import { refusalMessage } from './refusals.ts'

// This file only finds the command typed and runs it. Help and mistakes are answered from the
// catalogue alone; the modules, and everything they load, are imported once a command will run.
export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => console.log(line)
  const err = (line: string) => console.error(line)
  const catalogue = await loadCatalogue()
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(helpText(catalogue))
    return argv.length === 0 ? 2 : 0
  }
  const entry = findCommand(catalogue, argv)
  if (!entry) {
    err(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${helpText(catalogue)}`)
    return 2
  }
  const args = argv.slice(entry.name.split(' ').length)
  if (args.includes('--help')) {
    out(`Usage: ${entry.usage}\n\n${entry.summary}${entry.help ? `\n\n${entry.help}` : ''}`)
    return 0
  }
  const { allCommands } = await import('./commands.ts')
  const command = allCommands().find((c) => c.name === entry.name)
  if (!command)
    throw new Error(`The command catalogue lists "${entry.name}" but no module provides it: rebuild`)
  try {
    return await command.run({ config: loadConfig(), args, out, err })
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\nUsage: ${command.usage}`)
      return 2
    }
    if (error instanceof ConfigError) {
      err(`Configuration problem: ${error.message}`)
      return 2
    }
    const refusal = refusalMessage(error)
    if (refusal) {
      err(refusal)
      return 1
    }
    throw error
  }
}
