import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { londonToday } from '../../../shared/london-day.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import { yearQuery } from './duties.routes.ts'
import { DUTIES, DUTY_RAGS, partnershipYearOf } from './rules.ts'
import { dueDateInput, EVIDENCE_KINDS, evidenceInput, publicMeetingInput } from './schema.ts'

const TAG = 'Governance'
const evidence = z.object({
  id: z.number().nullable().describe('null for a public meeting counted because it was held'),
  year: z.number(),
  duty: z.enum(DUTIES),
  kind: z.enum(EVIDENCE_KINDS),
  meetingId: z.number().nullable(),
  meetingStartsAt: z.string().nullable(),
  meetingBoardName: z.string().nullable(),
  documentTitle: z.string().nullable(),
  documentLink: z.string().nullable(),
  decisionId: z.number().nullable().describe('a decision record from the register'),
  decisionTitle: z.string().nullable(),
  decisionReference: z.string().nullable(),
  evidencedOn: z.string(),
  note: z.string().nullable(),
})
const dutiesYear = z.object({
  year: z
    .number()
    .describe('The partnership year by its first calendar year: 2026 is April 2026 to March 2027'),
  yearText: z.string(),
  from: z.string(),
  to: z.string(),
  amberDays: z.number(),
  duties: z.array(
    z.object({
      duty: z.enum(DUTIES),
      title: z.string(),
      basis: z.string(),
      dueDate: z.string(),
      dueDateSet: z.boolean(),
      rag: z.enum(DUTY_RAGS),
      evidence: z.array(evidence),
    }),
  ),
})

export function dutiesApi(api: ApiRegistry, { governance }: Pick<Services, 'governance'>) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'governance:view' as const
  const manage = 'governance:manage' as const

  api.add({
    method: 'GET',
    url: '/duties',
    permission: view,
    tag: TAG,
    summary:
      'The statutory duties of a partnership year (?year=, this year when left out), with evidence and RAG',
    query: yearQuery,
    response: dutiesYear,
    handler: async ({ query }) => governance.dutiesForYear(query.year ?? partnershipYearOf(londonToday())),
  })
  api.add({
    method: 'POST',
    url: '/duties/evidence',
    permission: manage,
    tag: TAG,
    summary:
      'Record evidence for a duty: a meeting, a document, or a decision (decisionId from the register, or a decisionReference)',
    body: evidenceInput,
    status: 201,
    response: dutiesYear,
    handler: async ({ request, body }) => {
      const id = await governance.recordDutyEvidence(who(request), body)
      return governance.dutiesForYear((await governance.getDutyEvidence(id)).year)
    },
  })
  api.add({
    method: 'DELETE',
    url: '/duties/evidence/:id',
    record: 'dutyEvidence',
    permission: manage,
    tag: TAG,
    summary: 'Remove evidence recorded in error',
    params: idParams,
    response: dutiesYear,
    handler: async ({ request, params }) => {
      const { year } = await governance.getDutyEvidence(params.id)
      await governance.removeDutyEvidence(who(request), params.id)
      return governance.dutiesForYear(year)
    },
  })
  api.add({
    method: 'PUT',
    url: '/duties/due-dates',
    permission: manage,
    tag: TAG,
    summary: 'Set the due date of a duty in a partnership year',
    body: dueDateInput,
    response: dutiesYear,
    handler: async ({ request, body }) => {
      await governance.setDutyDueDate(who(request), body)
      return governance.dutiesForYear(Number((body as { year: unknown }).year))
    },
  })
  api.add({
    method: 'PUT',
    url: '/meetings/:id/public-meeting',
    record: 'meeting',
    permission: manage,
    tag: TAG,
    summary: 'Mark a meeting as one of the partnership’s public meetings, or not',
    params: idParams,
    body: publicMeetingInput,
    response: z.object({ meetingId: z.number(), public: z.boolean() }),
    handler: async ({ request, params, body }) => {
      await governance.setPublicMeeting(who(request), params.id, body)
      return { meetingId: params.id, public: await governance.isPublicMeeting(params.id) }
    },
  })
}
