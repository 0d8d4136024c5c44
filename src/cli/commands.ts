import type { CommandEntry } from './catalogue.ts'
import type { Command } from './command.ts'
import { moduleCommands } from './module-commands.ts'
import { systemCommands } from './system-commands.ts'

// Loading this file loads every module, and with them the server and the database drivers: the
// entry point imports it only once it knows which command to run.

/** Each module contributes its commands; the system's own come first. */
export function allCommands(): Command[] {
  return [...systemCommands, ...moduleCommands()]
}

/** The commands as help shows them, without their code (the build writes this as commands.json). */
export function commandCatalogue(): CommandEntry[] {
  return allCommands().map(({ name, usage, summary, help }) => ({ name, usage, summary, help }))
}
