import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CurrentUser } from '../../../access/current-user.ts'
import type { Download } from '../export/files.ts'

/** The signed-in user; every performance route declares a permission, so the guard has made sure there is one. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw Object.assign(new Error('Sign in first'), { statusCode: 401 })
  return request.user
}

export const whoOf = (request: FastifyRequest) => ({ actor: request.actor, user: userOf(request) })

/** A download the browser saves rather than shows. */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .header('Content-Disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '')}"`)
    .type(file.contentType)
    .send(file.content)
}
