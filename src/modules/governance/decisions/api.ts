import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import { DECISION_STATUSES } from './rules/statuses.ts'
import { decisionInput, decisionStatusInput, forwardPlanInput, registerFilters } from './schema.ts'

const TAG = 'Governance'
const day = (what: string) => z.string().describe(`${what}, YYYY-MM-DD`)
const decision = z.object({
  id: z.number(),
  reference: z.string(),
  title: z.string(),
  decisionMaker: z.string(),
  decisionDate: day('Date of decision'),
  publicationDate: day('Publication date').nullable(),
  keyDecision: z.boolean(),
  subjectToCallIn: z.boolean(),
  callInDeadline: day('Last working day it may be called in').nullable(),
  callInOpen: z.boolean(),
  takesEffectOn: day('The day it takes effect (unknown until published, when subject to call-in)').nullable(),
  purpose: z.string().nullable(),
  decisions: z.array(z.object({ number: z.string(), text: z.string() })),
  reasons: z.string().nullable(),
  alternatives: z.string().nullable(),
  conflictsOfInterest: z.string().nullable(),
  actionBy: z.string().nullable(),
  reportAuthors: z.string().nullable(),
  contactOfficer: z.string().nullable(),
  boardId: z.number().nullable(),
  boardName: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingStartsAt: z.string().nullable(),
  agendaItemId: z.number().nullable(),
  itemNumber: z.number().nullable(),
  itemExempt: z.boolean().describe('Taken at an agenda item marked exempt'),
  exemptReason: z
    .string()
    .nullable()
    .describe('Set when taken on exempt information: never on the public page'),
  documents: z.array(z.object({ title: z.string(), link: z.string().nullable() })),
  status: z.enum(DECISION_STATUSES),
  version: z.number(),
})
const forwardPlanItem = z.object({
  id: z.number(),
  title: z.string(),
  boardId: z.number().nullable(),
  boardName: z.string().nullable(),
  meetingId: z.number().nullable(),
  meetingStartsAt: z.string().nullable(),
  decisionDate: day('When it is to be decided'),
  decisionMaker: z.string(),
  keyDecision: z.boolean(),
  leadOfficer: z.string().nullable(),
  documents: z.array(z.string()),
  noticeDate: day('When it was first published on the plan'),
  clearDays: z.number(),
  shortNotice: z.boolean(),
  exceptionReason: z.string().nullable(),
})

/** Decision records and the forward plan, beside the rest of governance under /api/v1. */
export function decisionsApi(api: ApiRegistry, { governance }: Pick<Services, 'governance'>) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'governance:view' as const
  const manage = 'governance:manage' as const

  api.add({
    method: 'GET',
    url: '/decisions',
    permission: view,
    tag: TAG,
    summary:
      'The decisions register, latest first (?keyDecision=yes|no, ?callIn=open, ?from=, ?to=, ?board=)',
    query: registerFilters,
    response: z.object({ decisions: z.array(decision) }),
    handler: async ({ query }) => ({ decisions: await governance.listDecisions(query) }),
  })
  api.add({
    method: 'POST',
    url: '/decisions',
    permission: manage,
    tag: TAG,
    summary: 'Record a decision: its call-in deadline and the day it takes effect are worked out',
    body: decisionInput,
    status: 201,
    response: decision,
    handler: async ({ request, body }) =>
      governance.getDecision(await governance.recordDecision(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/decisions/:id',
    record: 'decision',
    permission: view,
    tag: TAG,
    summary: 'One decision record',
    params: idParams,
    response: decision,
    handler: async ({ params }) => governance.getDecision(params.id),
  })
  api.add({
    method: 'PUT',
    url: '/decisions/:id/status',
    record: 'decision',
    permission: manage,
    tag: TAG,
    summary: 'Change a decision’s status, such as to called-in',
    params: idParams,
    body: decisionStatusInput,
    response: decision,
    handler: async ({ request, params, body }) => {
      await governance.changeDecisionStatus(who(request), params.id, body)
      return governance.getDecision(params.id)
    },
  })
  api.add({
    method: 'GET',
    url: '/forward-plan',
    permission: view,
    tag: TAG,
    summary: 'Decisions to come, soonest first, with the clear days’ notice each was given',
    response: z.object({ items: z.array(forwardPlanItem) }),
    handler: async () => ({ items: await governance.listForwardPlan() }),
  })
  api.add({
    method: 'POST',
    url: '/forward-plan',
    permission: manage,
    tag: TAG,
    summary:
      'Put a decision on the forward plan (a key decision with under 28 clear days’ notice needs exceptionReason)',
    body: forwardPlanInput,
    status: 201,
    response: forwardPlanItem,
    handler: async ({ request, body }) =>
      governance.getForwardPlanItem(await governance.addForwardPlanItem(who(request), body)),
  })
}
