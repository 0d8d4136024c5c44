import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import type { Who } from './policy.ts'
import { MEETING_STATUSES } from './rules/meeting-status.ts'
import {
  actionInput,
  actionStatusInput,
  attendanceInput,
  boardChanges,
  boardInput,
  itemInput,
  meetingInput,
  memberInput,
  minutesInput,
  reportingLineInput,
  resolutionInput,
  statusInput,
} from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const TAG = 'Governance'
const link = z.object({ id: z.number(), name: z.string() })
const boardSummary = z.object({
  id: z.number(),
  name: z.string(),
  purpose: z.string(),
  frequency: z.string(),
  quorum: z.number(),
  chairPersonId: z.number().nullable(),
  chairName: z.string().nullable(),
  viceChairPersonId: z.number().nullable(),
  viceChairName: z.string().nullable(),
  termsOfReference: z.string().nullable(),
  termsReviewDate: z.string().nullable(),
  standingItems: z.array(z.string()),
  version: z.number(),
})
const board = boardSummary.extend({
  members: z.array(
    z.object({
      id: z.number(),
      personId: z.number(),
      personName: z.string(),
      organisationId: z.number().nullable(),
      organisationName: z.string().nullable(),
      role: z.string(),
      voting: z.boolean(),
      fromDate: z.string().nullable(),
      toDate: z.string().nullable(),
    }),
  ),
  reportsTo: z.array(link),
  reportedToBy: z.array(link),
})
const meetingSummary = z.object({
  id: z.number(),
  boardId: z.number(),
  boardName: z.string(),
  startsAt: z.string().describe('London time, YYYY-MM-DDTHH:MM'),
  place: z.string().nullable(),
  link: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  version: z.number(),
})
const action = z.object({
  id: z.number(),
  meetingId: z.number(),
  meetingStartsAt: z.string(),
  itemNumber: z.number(),
  description: z.string(),
  ownerPersonId: z.number().nullable(),
  ownerName: z.string().nullable(),
  ownerOrganisationId: z.number().nullable(),
  ownerOrganisationName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
})
const meeting = meetingSummary.extend({
  items: z.array(
    z.object({
      id: z.number(),
      number: z.number(),
      title: z.string(),
      kind: z.enum(['item', 'standing', 'matters-arising']),
      presenterPersonId: z.number().nullable(),
      presenterName: z.string().nullable(),
      exempt: z.boolean(),
      exemptReason: z.string().nullable(),
      discussion: z.string().nullable(),
      resolutions: z.array(z.object({ id: z.number(), number: z.string(), text: z.string() })),
      actions: z.array(action),
    }),
  ),
  attendance: z.array(
    z.object({
      personId: z.number(),
      personName: z.string(),
      attendance: z.enum(['present', 'apologies']),
      substituteForPersonId: z.number().nullable(),
      substituteForName: z.string().nullable(),
    }),
  ),
  mattersArising: z.array(action),
  quorum: z.object({ present: z.number(), needed: z.number(), quorate: z.boolean() }),
  nextStatuses: z.array(z.enum(MEETING_STATUSES)),
})
const meetingsQuery = z.object({
  board: z.string().regex(/^\d+$/, 'Must be a board id').transform(Number).optional(),
})

export function governanceApi(
  api: ApiRegistry,
  { governance, audit }: Pick<Services, 'governance' | 'audit'>,
) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'governance:view' as const
  const manage = 'governance:manage' as const
  const meetingAnswer = async (request: Parameters<typeof auditRead>[2], id: number) => {
    const found = await governance.getMeeting(id)
    await auditRead(audit, sensitiveReads, request, { what: 'meeting', entityId: id })
    return found
  }

  api.add({
    method: 'GET',
    url: '/boards',
    permission: view,
    tag: TAG,
    summary: 'List the partnership’s boards',
    response: z.object({ boards: z.array(boardSummary) }),
    handler: async () => ({ boards: await governance.listBoards() }),
  })
  api.add({
    method: 'POST',
    url: '/boards',
    permission: manage,
    tag: TAG,
    summary: 'Add a board',
    body: boardInput,
    status: 201,
    response: board,
    handler: async ({ request, body }) =>
      governance.getBoard(await governance.createBoard(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/boards/:id',
    record: 'board',
    permission: view,
    tag: TAG,
    summary: 'One board, with its members and reporting lines',
    params: idParams,
    response: board,
    handler: async ({ params }) => governance.getBoard(params.id),
  })
  api.add({
    method: 'PUT',
    url: '/boards/:id',
    record: 'board',
    permission: manage,
    tag: TAG,
    summary: 'Change a board (a stale version answers 409)',
    params: idParams,
    body: boardChanges,
    response: board,
    handler: async ({ request, params, body }) => {
      await governance.updateBoard(who(request), params.id, body)
      return governance.getBoard(params.id)
    },
  })
  api.add({
    method: 'POST',
    url: '/boards/:id/members',
    record: 'board',
    permission: manage,
    tag: TAG,
    summary: 'Add a member to a board',
    params: idParams,
    body: memberInput,
    status: 201,
    response: board,
    handler: async ({ request, params, body }) => {
      await governance.addMember(who(request), params.id, body)
      return governance.getBoard(params.id)
    },
  })
  api.add({
    method: 'POST',
    url: '/boards/:id/reporting-lines',
    record: 'board',
    permission: manage,
    tag: TAG,
    summary: 'Record that a board reports to another',
    params: idParams,
    body: reportingLineInput,
    status: 201,
    response: board,
    handler: async ({ request, params, body }) => {
      await governance.addReportingLine(who(request), params.id, body)
      return governance.getBoard(params.id)
    },
  })
  api.add({
    method: 'GET',
    url: '/reporting-lines',
    permission: view,
    tag: TAG,
    summary: 'Every reporting line between boards',
    response: z.object({ lines: z.array(z.object({ board: link, reportsTo: link })) }),
    handler: async () => ({ lines: await governance.reportingLines() }),
  })
  api.add({
    method: 'GET',
    url: '/meetings',
    permission: view,
    tag: TAG,
    summary: 'List meetings, latest first (?board= for one board’s)',
    query: meetingsQuery,
    response: z.object({ meetings: z.array(meetingSummary) }),
    handler: async ({ query }) => ({ meetings: await governance.listMeetings(query.board ?? null) }),
  })
  api.add({
    method: 'POST',
    url: '/boards/:id/meetings',
    record: 'board',
    permission: manage,
    tag: TAG,
    summary: 'Schedule a meeting: its agenda starts with matters arising and the board’s standing items',
    params: idParams,
    body: meetingInput,
    status: 201,
    response: meeting,
    handler: async ({ request, params, body }) =>
      meetingAnswer(request, await governance.scheduleMeeting(who(request), params.id, body)),
  })
  api.add({
    method: 'GET',
    url: '/meetings/:id',
    record: 'meeting',
    permission: view,
    tag: TAG,
    summary: 'One meeting: agenda, matters arising, attendance, quorum, minutes, resolutions and actions',
    params: idParams,
    response: meeting,
    handler: async ({ request, params }) => meetingAnswer(request, params.id),
  })
  const meetingPosts: Array<
    [string, string, z.ZodType, (w: Who, id: number, body: unknown) => Promise<unknown>]
  > = [
    ['status', 'Move a meeting to its next status', statusInput, governance.changeStatus],
    ['attendance', 'Record someone present or their apologies', attendanceInput, governance.recordAttendance],
    ['items', 'Add an item to the agenda, numbered on from the board’s last', itemInput, governance.addItem],
    ['minutes', 'Write the minutes of one item', minutesInput, governance.recordMinutes],
    ['resolutions', 'Record a numbered resolution on one item', resolutionInput, governance.addResolution],
    ['actions', 'Record an action arising from one item', actionInput, governance.addAction],
  ]
  for (const [part, summary, body, act] of meetingPosts) {
    api.add({
      method: 'POST',
      url: `/meetings/:id/${part}`,
      record: 'meeting',
      permission: manage,
      tag: TAG,
      summary,
      params: idParams,
      body,
      response: meeting,
      handler: async ({ request, params, body: input }) => {
        await act(who(request), params.id, input)
        return meetingAnswer(request, params.id)
      },
    })
  }
  api.add({
    method: 'PUT',
    url: '/actions/:id/status',
    record: 'actionArising',
    permission: manage,
    tag: TAG,
    summary: 'Close or reopen an action arising',
    params: idParams,
    body: actionStatusInput,
    response: action,
    handler: async ({ request, params, body }) => {
      await governance.setActionStatus(who(request), params.id, body)
      return governance.getAction(params.id)
    },
  })
}
