import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { CHANGE_AGAINST } from './briefing/model.ts'
import type { Who } from './policy.ts'
import { TASKING_STATUSES } from './rules/carry-over.ts'
import { TASKING_MEETING_STATUSES } from './rules/meeting-status.ts'
import {
  attendeeInput,
  COMMENTARY_SECTIONS,
  commentaryInput,
  meetingInput,
  outcomeInput,
  PLACE_KINDS,
  settingsInput,
  statusInput,
  taskingInput,
} from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const TAG = 'Tasking'

const settings = z.object({
  policeUkTypes: z.array(z.string()),
  recordedCategories: z.array(z.string()),
  hotspotCount: z.number(),
  version: z.number().describe('0 while the defaults apply'),
})
const meetingSummary = z.object({
  id: z.number(),
  month: z.string().describe('YYYY-MM: the month the briefing covers'),
  meetingDate: z.string(),
  areaCode: z.string().nullable().describe('null: the partnership’s home area'),
  areaName: z.string().nullable(),
  chairPersonId: z.number().nullable(),
  chairName: z.string().nullable(),
  status: z.enum(TASKING_MEETING_STATUSES),
  briefingGeneratedAt: z.string().nullable(),
  taskingsRaised: z.number(),
  version: z.number(),
})
const tasking = z.object({
  id: z.number(),
  raisedAtMeetingId: z.number(),
  raisedMonth: z.string(),
  organisationId: z.number(),
  organisationName: z.string(),
  officerPersonId: z.number().nullable(),
  officerName: z.string().nullable(),
  place: z.object({
    kind: z.enum(PLACE_KINDS),
    code: z.string().nullable().describe('ONS code of an LSOA or ward'),
    name: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
  action: z.string(),
  expectedResult: z.string(),
  actualResult: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(TASKING_STATUSES),
  notDoneReason: z.string().nullable(),
  resolvedAtMeetingId: z.number().nullable(),
  carriedOverAtMeetingId: z.number().nullable(),
  version: z.number(),
})
const hotspot = z.object({
  code: z.string(),
  name: z.string(),
  wardName: z.string().nullable(),
  count: z.number(),
  population: z.number().nullable(),
  ratePer1000: z.number().nullable(),
})
const periodTotal = z.object({ from: z.string(), to: z.string(), total: z.number().nullable() })
const figures = z.object({
  month: z.string(),
  area: z.object({ type: z.string(), code: z.string(), name: z.string() }),
  source: z.enum(['police-uk', 'recorded']),
  sourceLabel: z.string(),
  generatedAt: z.string(),
  dataAsAt: z.object({ loadedAt: z.string().nullable(), latestMonth: z.string().nullable() }),
  hotspotCount: z.number(),
  total: z.number().nullable().describe('null when the month is not loaded'),
  populationYear: z.number().nullable(),
  hotspots: z.object({ lsoas: z.array(hotspot), wards: z.array(hotspot) }),
  changeTest: z.string().nullable(),
  changes: z.array(
    z.object({
      subject: z.string(),
      against: z.enum(CHANGE_AGAINST),
      current: periodTotal,
      previous: periodTotal,
      comparable: z.boolean(),
      reason: z.string().nullable().describe('Why not comparable; then there is no change figure'),
      changePercent: z.number().nullable(),
      significant: z.boolean().nullable(),
      pValue: z.number().nullable(),
    }),
  ),
  violence: z.object({
    types: z.array(z.string()),
    total: z.number().nullable(),
    byType: z.array(z.object({ type: z.string(), count: z.number().nullable() })),
    lsoas: z.array(hotspot),
  }),
})
const meeting = meetingSummary.extend({
  attendees: z.array(
    z.object({
      id: z.number(),
      organisationId: z.number(),
      organisationName: z.string(),
      personId: z.number().nullable(),
      personName: z.string().nullable(),
    }),
  ),
  briefing: z.object({ generatedAt: z.string(), figures }).nullable(),
  commentary: z.object(Object.fromEntries(COMMENTARY_SECTIONS.map((s) => [s, z.string().optional()]))),
  taskings: z.array(tasking),
  forReview: z.array(tasking).describe('Raised at earlier meetings and reviewed at this one (carry-over)'),
  upcomingEvents: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    from: z.string().optional(),
    to: z.string().optional().describe('The end of the month after the meeting'),
    events: z
      .array(z.object({ date: z.string(), title: z.string(), place: z.string(), riskLevel: z.string() }))
      .optional(),
  }),
  communityTensions: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    tensions: z
      .array(
        z.object({
          area: z.string(),
          assessedOn: z.string(),
          level: z.number().describe('1 (low) to 5 (high)'),
          trend: z.enum(['rising', 'stable', 'falling']).nullable().describe('null for an area’s first'),
        }),
      )
      .optional()
      .describe('The latest assessment in each area'),
  }),
  criticalIncidents: z.object({
    available: z.boolean().describe('false when the trackers are not installed'),
    incidents: z
      .array(
        z.object({
          id: z.number(),
          title: z.string(),
          occurredOn: z.string(),
          place: z.string(),
          done: z.number(),
          items: z.number(),
        }),
      )
      .optional()
      .describe('Open incidents, with their community response checklist’s progress'),
  }),
  nextStatuses: z.array(z.enum(TASKING_MEETING_STATUSES)),
})
const taskingsQuery = z.object({ status: z.enum(TASKING_STATUSES).optional() })

export function taskingApi(
  api: ApiRegistry,
  { tasking: service, audit }: Pick<Services, 'tasking' | 'audit'>,
) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'tasking:view' as const
  const manage = 'tasking:manage' as const
  const meetingAnswer = async (request: Parameters<typeof auditRead>[2], id: number) => {
    const found = await service.getMeeting(id)
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
      service.getTasking(await service.raiseTasking(who(request), params.id, body)),
  })
  api.add({
    method: 'GET',
    url: '/tasking/taskings',
    permission: view,
    tag: TAG,
    summary: 'Every tasking, or those with one status',
    query: taskingsQuery,
    response: z.object({ taskings: z.array(tasking) }),
    handler: async ({ query }) => ({ taskings: await service.listTaskings(query) }),
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
    handler: async ({ params }) => service.getTasking(params.id),
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
      return service.getTasking(params.id)
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
