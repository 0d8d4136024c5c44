import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CurrentUser } from '../../../access/current-user.ts'

/** The signed-in user; every plans route declares a permission, so the guard has made sure there is one. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw Object.assign(new Error('Sign in first'), { statusCode: 401 })
  return request.user
}

export const noticeOf = (request: FastifyRequest) =>
  (request.query as { notice?: string } | undefined)?.notice

/** A download: the browser saves it under the plan's name instead of showing it. */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; content: Buffer; contentType: string },
) {
  return reply
    .header('Content-Disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '')}"`)
    .type(file.contentType)
    .send(file.content)
}
