import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { OPTION_KINDS, RISK_LEVELS, RISK_TO, riskReviewInput, transitionInput } from './schema.ts'

const flag = {
  eighteenthBirthday: z.string(),
  flagFrom: z.string(),
  state: z.enum(['not-yet', 'transition-due', 'adult']),
  flagged: z.boolean(),
}
const youngPerson = z.object({
  subjectId: z.number(),
  name: z.string(),
  dateOfBirth: z.string(),
  transitioned: z.boolean(),
  ...flag,
})
const review = z.object({
  id: z.number(),
  reviewedOn: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  riskLevelLabel: z.string(),
  riskTo: z.array(z.enum(RISK_TO)),
  riskToLabels: z.array(z.string()),
  riskFactors: z.string(),
  protectiveFactors: z.string(),
  options: z.array(
    z.object({
      kind: z.enum(OPTION_KINDS),
      kindLabel: z.string(),
      option: z.string(),
      interventionServiceId: z.number().nullable(),
    }),
  ),
  reviewedBy: z.string().nullable(),
})
const riskRecord = z.object({
  caseId: z.number(),
  panelId: z.number(),
  panelName: z.string(),
  current: review.nullable(),
  reviews: z.array(review),
  youngPeople: z.array(youngPerson),
  transitions: z.array(
    z.object({
      id: z.number(),
      subjectId: z.number(),
      toPanel: z.object({ id: z.number(), name: z.string() }).nullable(),
      toService: z.string().nullable(),
      transferredOn: z.string(),
      note: z.string().nullable(),
    }),
  ),
  leadMonths: z.number(),
  mayChange: z.boolean(),
  access: z.enum(['member', 'break-glass']),
})

/** The youth and knife crime panels' risk reviews and transitions: the same service, so the same need to know as the pages. */
export function youthApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'GET',
    url: '/cases/:id/risk',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'A youth or knife crime case’s shared risk, its reviews and its young people (members; break glass reads)',
    params: idParams,
    response: riskRecord,
    handler: async ({ request, params }) => cases.riskRecord(whoOf(request), params.id),
  })
  api.add({
    method: 'POST',
    url: '/cases/:id/risk-reviews',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'Record a risk review: the shared level, whom the risk is to, the factors and the options agreed',
    params: idParams,
    body: riskReviewInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.addRiskReview(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'POST',
    url: '/cases/:id/transitions',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Record a young person’s transition to an adult panel or service',
    params: idParams,
    body: transitionInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.recordTransition(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'GET',
    url: '/case-panels/:id/transitions',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'A youth panel’s young people due to move to adult services, the soonest first: its members only',
    params: idParams,
    response: z.object({
      leadMonths: z.number(),
      transitionsDue: z.array(youngPerson.extend({ caseId: z.number() })),
    }),
    handler: async ({ request, params }) => {
      const board = await cases.youthBoard(whoOf(request), params.id)
      return { leadMonths: board.leadMonths, transitionsDue: board.transitionsDue }
    },
  })
}
