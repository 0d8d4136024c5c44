import { randomUUID } from 'node:crypto'
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify'
import type { Config } from '../config.ts'
import { prettyDestination } from './log-lines.ts'

export interface LogOutput {
  write(text: string): unknown
  isTTY?: boolean
}

/** Pretty lines for a person at a terminal; JSON for everything else (files, log collectors). */
export function wantsPrettyLogs(format: Config['logFormat'], out: LogOutput = process.stdout): boolean {
  return format === 'pretty' || (format === 'auto' && out.isTTY === true)
}

/**
 * One record per request, when it is answered: the method and path, status and time taken. Fastify
 * writes one as the request arrives and another as it leaves; the first says nothing the second does not.
 */
class OneRecordPerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return
    const record = { req: request, res: reply, responseTime: reply.elapsedTime }
    if (error) reply.log.error({ ...record, err: error }, 'request errored')
    else reply.log.info(record, 'request completed')
  }

  // The request's own record already shows the 404.
  override routeNotFound(): void {}
}

// Query strings can carry names and other personal data (searches, filters): they never reach the log.
// `out` is the console unless a test gives another; JSON to the console goes through pino's own writer.
export function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  out: LogOutput = process.stdout,
): FastifyServerOptions {
  const pretty = wantsPrettyLogs(config.logFormat, out)
  return {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      ...(pretty ? { stream: prettyDestination(out) } : out === process.stdout ? {} : { stream: out }),
    },
    logController: new OneRecordPerRequest(),
    // Ids are ours, not taken from a header a client could fill with anything.
    genReqId: () => randomUUID(),
  }
}
