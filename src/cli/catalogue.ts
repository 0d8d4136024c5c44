import { existsSync, readFileSync } from 'node:fs'
import type { Command } from './command.ts'

/** What `--help` shows of a command: everything but the code that runs it. */
export type CommandEntry = Pick<Command, 'name' | 'usage' | 'summary' | 'help'>

// Written by the build (scripts/build.mjs) from the modules' own descriptors. With it, help and a
// mistyped command are answered without loading the server, the database drivers, DuckDB or the
// spreadsheet and Word libraries; without it (running the TypeScript) the catalogue is made here.
const BUILT_CATALOGUE = new URL('./commands.json', import.meta.url)

export async function loadCatalogue(): Promise<CommandEntry[]> {
  if (existsSync(BUILT_CATALOGUE)) return JSON.parse(readFileSync(BUILT_CATALOGUE, 'utf8')) as CommandEntry[]
  const { commandCatalogue } = await import('./commands.ts')
  return commandCatalogue()
}

/** The command whose words begin argv, if any. */
export function findCommand<C extends CommandEntry>(
  commands: readonly C[],
  argv: readonly string[],
): C | undefined {
  return commands.find((c) => c.name.split(' ').every((w, i) => argv[i] === w))
}

export function helpText(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Safer – the Community Safety Partnership platform',
    '',
    'Usage: safer COMMAND [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration comes from environment variables (see .env.example); DATABASE_URL chooses the database.',
  ].join('\n')
}
