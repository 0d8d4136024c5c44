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

const WHEN = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "Thursday 6 October 2011, 19:00" for a meeting's London time as stored. */
export function meetingWhen(startsAt: string): string {
  return `${WHEN.format(new Date(`${startsAt.slice(0, 10)}T00:00:00Z`))}, ${startsAt.slice(11, 16)}`
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
/** "31 March 2026"; blank for no date. */
export const dayText = (day: string | null) => (day ? DAY.format(new Date(`${day}T00:00:00Z`)) : '')
