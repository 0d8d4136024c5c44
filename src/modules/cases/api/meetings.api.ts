import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { dashInput } from '../assessments/schema.ts'
import { actionInput, actionUpdate, discussionInput, meetingInput, returnPeriod } from '../meetings/schema.ts'
import { TAG, whoOf } from './common.ts'

const anything = z.record(z.string(), z.unknown())
const dashResult = z.object({
  yes: z.number(),
  band: z.string(),
  visibleHighRisk: z.boolean(),
  potentialEscalation: z.boolean(),
  repeatMarac: z.boolean(),
  professionalJudgement: z.boolean(),
  referToMarac: z.boolean(),
  reasons: z.array(z.string()),
})
const shown = z.union([z.number(), z.string()])

/** Meetings, actions, reassessments and the SafeLives return: the same service, so the same need to know as the pages. */
export function meetingApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'POST',
    url: '/cases/:id/assessments',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'Reassess a MARAC case with the Dash checklist: members only; repeat found from Safer’s referrals',
    params: idParams,
    body: dashInput,
    status: 201,
    response: dashResult,
    handler: async ({ request, params, body }) => cases.reassess(whoOf(request), params.id, body),
  })
  api.add({
    method: 'GET',
    url: '/case-panels/:id/meetings',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A panel’s meetings: its members only (404 otherwise)',
    params: idParams,
    response: z.object({
      meetings: z.array(
        z.object({ id: z.number(), panelId: z.number(), meetsOn: z.string(), cases: z.number() }),
      ),
    }),
    handler: async ({ request, params }) => ({
      meetings: await cases.listMeetings(whoOf(request), params.id),
    }),
  })
  api.add({
    method: 'POST',
    url: '/case-panels/:id/meetings',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Set up a meeting: its case list is built from accepted referrals and review dates',
    params: idParams,
    body: meetingInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.createMeeting(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'GET',
    url: '/case-meetings/:id',
    record: 'caseMeeting',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A meeting with its case list, discussions, safety plans and actions: the panel’s members only',
    params: idParams,
    response: anything,
    handler: async ({ request, params }) => cases.getMeeting(whoOf(request), params.id),
  })
  api.add({
    method: 'POST',
    url: '/case-meetings/:id/case-list',
    record: 'caseMeeting',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Add the cases that have come due since the list was made',
    params: idParams,
    response: z.object({ added: z.number() }),
    handler: async ({ request, params }) => ({
      added: await cases.refreshCaseList(whoOf(request), params.id),
    }),
  })
  api.add({
    method: 'POST',
    url: '/case-meetings/:id/discussions',
    record: 'caseMeeting',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Record the discussion of a case on the list; heard moves a new case on, dated the meeting',
    params: idParams,
    body: discussionInput,
    response: z.object({ recorded: z.boolean() }),
    handler: async ({ request, params, body }) => {
      await cases.recordDiscussion(whoOf(request), params.id, body)
      return { recorded: true }
    },
  })
  api.add({
    method: 'POST',
    url: '/case-meetings/:id/actions',
    record: 'caseMeeting',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Agree an action: the owner organisation and officer must be the panel’s',
    params: idParams,
    body: actionInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.addAction(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'PUT',
    url: '/case-actions/:id',
    record: 'caseAction',
    permission: 'cases:view',
    tag: TAG,
    summary: 'An action’s status and result: the panel’s members only',
    params: idParams,
    body: actionUpdate,
    response: z.object({ caseId: z.number() }),
    handler: async ({ request, params, body }) => ({
      caseId: await cases.updateAction(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'GET',
    url: '/case-actions',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Your own case actions, on the panels you sit on, overdue ones flagged',
    response: z.object({ actions: z.array(anything) }),
    handler: async ({ request }) => ({ actions: await cases.myActions(whoOf(request)) }),
  })
  api.add({
    method: 'GET',
    url: '/case-panels/:id/safelives-return',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A MARAC’s SafeLives return for ?from=&to=, as it may leave the panel: counts 1–4 as <5',
    params: idParams,
    query: returnPeriod,
    response: z.object({
      from: z.string(),
      to: z.string(),
      audience: z.literal('leaving-panel'),
      figures: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          kind: z.string(),
          numerator: shown,
          denominator: shown.nullable(),
          value: shown.nullable(),
        }),
      ),
      notKnown: z.record(z.string(), shown),
      notes: z.array(z.string()),
    }),
    handler: async ({ request, params, query }) => {
      const r = await cases.maracReturn(whoOf(request), params.id, query, 'leaving-panel')
      return { ...r, audience: 'leaving-panel' as const }
    },
  })
}
