import type { Config } from '../config.ts'

export { CLI_ACTOR_LABEL, readStdin, UsageError } from '../shared/command-line.ts'

export interface CommandContext {
  config: Config
  args: string[]
  out: (line: string) => void
  err: (line: string) => void
}

export interface Command {
  /** Words typed after `safer`, e.g. "user add". */
  name: string
  usage: string
  summary: string
  /** Longer help shown by --help: options and the --json answer's shape. */
  help?: string
  /** Returns the process exit code. */
  run(ctx: CommandContext): Promise<number>
}
