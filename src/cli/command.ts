import type { Config } from '../config.ts'

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
  /** Returns the process exit code. */
  run(ctx: CommandContext): Promise<number>
}

/** A mistake in how the command was typed: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

export const CLI_ACTOR_LABEL = `cli:${process.env.USER ?? 'operator'}`
