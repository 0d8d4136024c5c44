import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Who } from '../policy.ts'
import { REFERRAL_STATUSES } from '../referrals/lifecycle.ts'
import { SUBJECT_ROLES } from '../referrals/schema.ts'

export const TAG = 'Risk panels'

export const whoOf = (request: FastifyRequest): Who => ({
  actor: request.actor,
  user: request.user,
  via: request.url.split('?')[0] ?? request.url,
})

export const caseSummary = z.object({
  id: z.number(),
  panelId: z.number(),
  panelName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusLabel: z.string(),
  referredOn: z.string(),
  subjects: z.array(
    z.object({ subjectId: z.number(), role: z.enum(SUBJECT_ROLES), roleLabel: z.string(), name: z.string() }),
  ),
})

export const signpost = z.object({
  panelId: z.number(),
  panelName: z.string(),
  chairName: z.string(),
  chairEmail: z.string(),
  caseIds: z.array(z.number()),
})
