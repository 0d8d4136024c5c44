import { UsageError } from '../../../shared/command-line.ts'
import { ValidationError } from '../../../shared/errors.ts'
import type { Actor } from '../../audit/service.ts'
import type { ModuleCommand, Services } from '../../module.ts'

export interface ForwardedResult {
  code: number
  out: string[]
  err: string[]
}

/**
 * Runs a command sent over the operator channel with the server's own services, as the `safer`
 * entry point would run it: the same output lines, the same exit codes (2 for a command typed
 * wrongly, 1 for a refusal with its message).
 */
export async function runForwarded(
  command: ModuleCommand,
  args: string[],
  actor: Actor,
  services: Partial<Services>,
): Promise<ForwardedResult> {
  const out: string[] = []
  const err: string[] = []
  const io = { args, actor, out: (line: string) => out.push(line), err: (line: string) => err.push(line) }
  try {
    const code = await command.run(io, async (fn) => {
      try {
        return await fn(services)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        err.push(
          Object.entries(error.fieldErrors)
            .map(([field, message]) => `${field}: ${message}`)
            .join('\n'),
        )
        return 1
      }
    })
    return { code, out, err }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.push(`${(error as Error).message}\nUsage: ${command.usage}`)
      return { code: 2, out, err }
    }
    err.push((error as Error).message)
    return { code: 1, out, err }
  }
}
