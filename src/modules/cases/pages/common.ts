import type { FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { Who } from '../policy.ts'

/** Who is acting on a page, and the path they read through (for the audit log, without the query). */
export function whoOf(request: FastifyRequest): Who {
  return { actor: request.actor, user: request.user, via: request.url.split('?')[0] ?? request.url }
}

export const canManagePanels = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'cases:manage-panels') : false

export const canRefer = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'cases:refer') : false

export const noticeOf = (request: FastifyRequest) => (request.query as { notice?: string }).notice

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
/** "31 March 2026"; blank for no date. */
export const dayText = (day: string | null | undefined) =>
  day ? DAY.format(new Date(`${day}T00:00:00Z`)) : ''
