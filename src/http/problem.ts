import type { FastifyReply } from 'fastify'
import type { FieldErrors } from '../shared/errors.ts'

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  429: 'Too many requests',
  500: 'Internal server error',
}

/** RFC 9457 problem details, with field errors where the input was at fault. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: { errors?: FieldErrors; current?: unknown } = {},
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra })
}
