import type { FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { Who } from '../policy.ts'

/** Who is acting on a page: every governance route declares a permission, so someone is signed in. */
export function whoOf(request: FastifyRequest): Who {
  return { actor: request.actor, user: request.user }
}

export const canManage = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'governance:manage') : false

export const noticeOf = (request: FastifyRequest) => (request.query as { notice?: string }).notice

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' })

/** "Thursday 6 October 2011, 18:30" for a meeting's London time as stored. */
export function meetingWhen(startsAt: string): string {
  const day = startsAt.slice(0, 10)
  return `${WEEKDAY.format(new Date(`${day}T00:00:00Z`))} ${dayText(day)}, ${startsAt.slice(11, 16)}`
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
/** "31 March 2026"; blank for no date. */
export const dayText = (day: string | null) => (day ? DAY.format(new Date(`${day}T00:00:00Z`)) : '')
