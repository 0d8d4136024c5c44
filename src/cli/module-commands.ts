import { createDeps } from '../deps.ts'
import { MODULES } from '../modules/index.ts'
import type { ErrorClass, ModuleCommand, SaferModule, Services } from '../modules/module.ts'
import { ValidationError } from '../shared/errors.ts'
import type { Command, CommandContext } from './command.ts'

/**
 * A module's command as the `safer` entry point runs it. Here, once for every module: open the
 * database and make the services, give the command those it names, report the errors it expects
 * as a message with exit 1, and close everything after.
 */
function runnable(command: ModuleCommand, expected: readonly ErrorClass[]): Command {
  return {
    name: command.name,
    usage: command.usage,
    summary: command.summary,
    help: command.help,
    run: (ctx: CommandContext) =>
      command.run({ args: ctx.args, out: ctx.out, err: ctx.err }, async (fn) => {
        const deps = await createDeps(ctx.config)
        try {
          return await fn(deps.services as Partial<Services>)
        } catch (error) {
          if (error instanceof ValidationError) {
            ctx.err(
              Object.entries(error.fieldErrors)
                .map(([field, message]) => `${field}: ${message}`)
                .join('\n'),
            )
            return 1
          }
          if (expected.some((kind) => error instanceof kind)) {
            ctx.err((error as Error).message)
            return 1
          }
          throw error
        } finally {
          await deps.close()
        }
      }),
  }
}

/** Every module's commands, in the order the modules are listed. */
export function moduleCommands(modules: readonly SaferModule[] = MODULES): Command[] {
  return modules.flatMap((m) => (m.commands ?? []).map((c) => runnable(c, m.commandErrors ?? [])))
}
