import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { meeting, meetingSummary, settings, tasking } from './api-schemas.ts'
import type { Who } from './policy.ts'
import { TASKING_STATUSES } from './rules/carry-over.ts'
import {
  attendeeInput,
  commentaryInput,
  meetingInput,
  outcomeInput,
  settingsInput,
  statusInput,
  taskingInput,
} from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const TAG = 'Tasking'

const taskingsQuery = z.object({ status: z.enum(TASKING_STATUSES).optional() })

export function taskingApi(
  api: ApiRegistry,
  { tasking: service, audit }: Pick<Services, 'tasking' | 'audit'>,
) {
  // The path goes with each read of a cohort, which the cases service audits.
  const who = (request: { actor: Who['actor']; user: Who['user']; url: string }): Who => ({
    actor: request.actor,
    user: request.user,
    via: request.url.split('?')[0],
  })
  const view = 'tasking:view' as const
  const manage = 'tasking:manage' as const
  const meetingAnswer = async (request: Parameters<typeof auditRead>[2], id: number) => {
    const found = await service.getMeeting(id, who(request))
    await auditRead(audit, sensitiveReads, request, { what: 'tasking-meeting', entityId: id })
    return found
  }
  const onMeeting = (
    url: string,
    summary: string,
    body: z.ZodType | undefined,
    act: (w: Who, id: number, body: unknown) => Promise<unknown>,
  ) =>
    api.add({
      method: 'POST',
      url: `/tasking/meetings/:id${url}`,
      record: 'taskingMeeting',
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

  api.add({
    method: 'GET',
    url: '/tasking/meetings',
    permission: view,
    tag: TAG,
    summary: 'List the tasking meetings, latest first',
    response: z.object({ meetings: z.array(meetingSummary) }),
    handler: async () => ({ meetings: await service.listMeetings() }),
  })
  api.add({
    method: 'POST',
    url: '/tasking/meetings',
    permission: manage,
    tag: TAG,
    summary: 'Schedule a tasking meeting for a month',
    body: meetingInput,
    status: 201,
    response: meeting,
    handler: async ({ request, body }) =>
      meetingAnswer(request, await service.scheduleMeeting(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/tasking/meetings/:id',
    record: 'taskingMeeting',
    permission: view,
    tag: TAG,
    summary: 'One tasking meeting: its briefing as kept, commentary, taskings raised and taskings for review',
    params: idParams,
    response: meeting,
    handler: async ({ request, params }) => meetingAnswer(request, params.id),
  })
  onMeeting(
    '/status',
    'Change a meeting’s status (held carries unfinished taskings over)',
    statusInput,
    service.changeStatus,
  )
  onMeeting(
    '/attendees',
    'Record an organisation (and optionally a person) attending',
    attendeeInput,
    service.addAttendee,
  )
  onMeeting(
    '/briefing',
    'Generate the briefing from the crime data now, replacing the one kept',
    undefined,
    (w, id) => service.generateBriefing(w, id),
  )
  onMeeting(
    '/commentary',
    'Write the analyst’s commentary on a section of the briefing',
    commentaryInput,
    service.saveCommentary,
  )
  api.add({
    method: 'POST',
    url: '/tasking/meetings/:id/taskings',
    record: 'taskingMeeting',
    permission: manage,
    tag: TAG,
    summary: 'Record a tasking to a partner organisation against a place',
    params: idParams,
    body: taskingInput,
    status: 201,
    response: tasking,
    handler: async ({ request, params, body }) =>
      service.getTasking(await service.raiseTasking(who(request), params.id, body), who(request)),
  })
  api.add({
    method: 'GET',
    url: '/tasking/taskings',
    permission: view,
    tag: TAG,
    summary: 'Every tasking, or those with one status',
    query: taskingsQuery,
    response: z.object({ taskings: z.array(tasking) }),
    handler: async ({ request, query }) => ({ taskings: await service.listTaskings(query, who(request)) }),
  })
  api.add({
    method: 'GET',
    url: '/tasking/taskings/:id',
    record: 'tasking',
    permission: view,
    tag: TAG,
    summary: 'One tasking',
    params: idParams,
    response: tasking,
    handler: async ({ request, params }) => service.getTasking(params.id, who(request)),
  })
  api.add({
    method: 'POST',
    url: '/tasking/taskings/:id/outcome',
    record: 'tasking',
    permission: manage,
    tag: TAG,
    summary:
      'Record a tasking’s outcome: done, not done (with the reason), or open again (a stale version answers 409)',
    params: idParams,
    body: outcomeInput,
    response: tasking,
    handler: async ({ request, params, body }) => {
      await service.recordOutcome(who(request), params.id, body)
      return service.getTasking(params.id, who(request))
    },
  })
  api.add({
    method: 'GET',
    url: '/tasking/settings',
    permission: view,
    tag: TAG,
    summary: 'The serious violence definition’s crime types for the briefing, and how many hotspots it lists',
    response: settings,
    handler: async () => service.settings(),
  })
  api.add({
    method: 'PUT',
    url: '/tasking/settings',
    permission: manage,
    tag: TAG,
    summary: 'Change the tasking settings (give the version read, to refuse a stale change)',
    body: settingsInput,
    response: settings,
    handler: async ({ request, body }) => service.updateSettings(who(request), body),
  })
}
