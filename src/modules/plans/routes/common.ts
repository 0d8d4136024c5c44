import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CurrentUser } from '../../../access/current-user.ts'

/** The signed-in user; every plans route declares a permission, so the guard has made sure there is one. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.user) throw Object.assign(new Error('Sign in first'), { statusCode: 401 })
  return request.user
}

/** An error the API answers with 403 and its message. */
export function forbidden(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 403 })
}

export const CANNOT_UPDATE = 'Only this deliverable’s named lead or a partnership manager can update it.'

/** The page people see when they may not change this particular record. */
export function forbiddenPage(reply: FastifyReply, backLink: string) {
  return reply.code(403).page('error.njk', {
    pageTitle: 'You cannot update this deliverable',
    paragraphs: [CANNOT_UPDATE, 'If you should be its lead, ask a partnership manager to correct the plan.'],
    backLink,
  })
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
