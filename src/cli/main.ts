import { ConfigError, loadConfig } from '../config.ts'
import { type Command, UsageError } from './command.ts'
import { moduleCommands } from './module-commands.ts'
import { refusalMessage } from './refusals.ts'
import { systemCommands } from './system-commands.ts'

// Each module contributes its commands; this file only finds and runs the one typed.
const COMMANDS: Command[] = [...systemCommands, ...moduleCommands()]

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Safer – the Community Safety Partnership platform',
    '',
    'Usage: safer COMMAND [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration comes from environment variables (see .env.example); DATABASE_URL chooses the database.',
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => console.log(line)
  const err = (line: string) => console.error(line)
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(help())
    return argv.length === 0 ? 2 : 0
  }
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ')
    return words.every((w, i) => argv[i] === w)
  })
  if (!command) {
    err(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${help()}`)
    return 2
  }
  const args = argv.slice(command.name.split(' ').length)
  if (args.includes('--help')) {
    out(`Usage: ${command.usage}\n\n${command.summary}${command.help ? `\n\n${command.help}` : ''}`)
    return 0
  }
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
