import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import {
  activityInput,
  checklistInput,
  closeInput,
  eventChanges,
  eventInput,
  incidentInput,
  linkInput,
  periodQuery,
  tensionInput,
  timelineInput,
} from '../schema.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { EVENT_TYPES, keysOf, RISK_LEVELS } from '../words.ts'
import {
  activityRecord,
  activityReport,
  criticalIncident,
  eventSummary,
  incidentSummary,
  tensionAssessment,
  tensionSummary,
  trackedEvent,
} from './schemas.ts'

const TAG = 'Trackers'
const eventsQuery = z.object({
  when: z.enum(['upcoming', 'past']).optional(),
  type: z.enum(keysOf(EVENT_TYPES)).optional(),
  risk: z.enum(keysOf(RISK_LEVELS)).optional(),
})
const historyQuery = z.object({
  area: z.union([z.literal('whole'), z.string().regex(/^E05\d{6}$/)]).describe('A ward’s ONS code, or whole'),
})
const incidentsQuery = z.object({ status: z.enum(['open', 'closed']).optional() })

// Lists leave out free text (an event's description, plan and outcome; an activity's result note):
// it may say more than it should, so it is read one record at a time.
export function trackersApi(api: ApiRegistry, { trackers, audit }: Pick<Services, 'trackers' | 'audit'>) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })
  const view = 'trackers:view' as const
  const manage = 'trackers:manage' as const
  const incidentAnswer = async (request: Parameters<typeof auditRead>[2], id: number) => {
    const found = await trackers.getIncident(id)
    await auditRead(audit, sensitiveReads, request, { what: 'critical-incident', entityId: id })
    return found
  }

  api.add({
    method: 'GET',
    url: '/events',
    permission: view,
    tag: TAG,
    query: eventsQuery,
    summary: 'List upcoming (the default) or past events of risk, without their free text',
    response: z.object({ events: z.array(eventSummary) }),
    handler: async ({ query }) => ({
      events: await trackers.listEvents({ when: query.when, eventType: query.type, riskLevel: query.risk }),
    }),
  })
  api.add({
    method: 'POST',
    url: '/events',
    permission: manage,
    tag: TAG,
    summary: 'Add an event of risk',
    body: eventInput,
    status: 201,
    response: trackedEvent,
    handler: async ({ request, body }) => trackers.getEvent(await trackers.createEvent(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/events/:id',
    permission: view,
    record: 'trackerEvent',
    tag: TAG,
    params: idParams,
    summary: 'One event, with its plan and outcome',
    response: trackedEvent,
    handler: async ({ params }) => trackers.getEvent(params.id),
  })
  api.add({
    method: 'PUT',
    url: '/events/:id',
    permission: manage,
    record: 'trackerEvent',
    tag: TAG,
    params: idParams,
    summary: 'Change an event (send the version read)',
    body: eventChanges,
    response: trackedEvent,
    handler: async ({ request, params, body }) => {
      await trackers.updateEvent(who(request), params.id, body)
      return trackers.getEvent(params.id)
    },
  })

  api.add({
    method: 'GET',
    url: '/tensions',
    permission: view,
    tag: TAG,
    summary: 'Each area’s latest community tension assessment, with its trend',
    response: z.object({ latest: z.array(tensionSummary) }),
    handler: async () => ({ latest: await trackers.latestTensions() }),
  })
  api.add({
    method: 'GET',
    url: '/tensions/history',
    permission: view,
    tag: TAG,
    query: historyQuery,
    summary: 'One area’s assessments, oldest first',
    response: z.object({ history: z.array(tensionSummary) }),
    handler: async ({ request, query }) => {
      const history = await trackers.tensionHistory(query.area === 'whole' ? null : query.area)
      await auditRead(audit, sensitiveReads, request, {
        what: 'tension-assessment',
        filter: { area: query.area },
      })
      return { history }
    },
  })
  api.add({
    method: 'POST',
    url: '/tensions',
    permission: manage,
    tag: TAG,
    summary: 'Add a tension assessment',
    body: tensionInput,
    status: 201,
    response: tensionAssessment,
    handler: async ({ request, body }) =>
      trackers.getAssessment(await trackers.createAssessment(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/tensions/:id',
    permission: view,
    record: 'tensionAssessment',
    tag: TAG,
    params: idParams,
    summary: 'One tension assessment: indicators, contributions and actions',
    response: tensionAssessment,
    handler: async ({ request, params }) => {
      const found = await trackers.getAssessment(params.id)
      await auditRead(audit, sensitiveReads, request, { what: 'tension-assessment', entityId: params.id })
      return found
    },
  })

  api.add({
    method: 'GET',
    url: '/police-activity',
    permission: view,
    tag: TAG,
    query: periodQuery,
    summary:
      'Police activity from one month to another (the last 12 by default), by month and place, beside the stop and search figures',
    response: activityReport,
    handler: async ({ query }) => {
      const { wards: _shapes, ...report } = await trackers.activityReport(query.from, query.to, query.tactic)
      return report
    },
  })
  api.add({
    method: 'POST',
    url: '/police-activity',
    permission: manage,
    tag: TAG,
    summary: 'Add police activity',
    body: activityInput,
    status: 201,
    response: activityRecord,
    handler: async ({ request, body }) =>
      trackers.getActivity(await trackers.createActivity(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/police-activity/:id',
    permission: view,
    record: 'policeActivity',
    tag: TAG,
    params: idParams,
    summary: 'One police activity entry, with its result note',
    response: activityRecord,
    handler: async ({ params }) => trackers.getActivity(params.id),
  })

  api.add({
    method: 'GET',
    url: '/critical-incidents',
    permission: view,
    tag: TAG,
    query: incidentsQuery,
    summary: 'Critical incidents, open or closed, with how much of the checklist is done',
    response: z.object({ incidents: z.array(incidentSummary) }),
    handler: async ({ query }) => ({
      incidents: await trackers.criticalIncidents(
        query.status === undefined ? undefined : query.status === 'open',
      ),
    }),
  })
  api.add({
    method: 'POST',
    url: '/critical-incidents',
    permission: manage,
    tag: TAG,
    summary: 'Record a critical incident, with the response checklist',
    body: incidentInput,
    status: 201,
    response: criticalIncident,
    handler: async ({ request, body }) =>
      incidentAnswer(request, await trackers.createIncident(who(request), body)),
  })
  api.add({
    method: 'GET',
    url: '/critical-incidents/:id',
    permission: view,
    record: 'criticalIncident',
    tag: TAG,
    params: idParams,
    summary: 'One critical incident: checklist, timeline and links',
    response: criticalIncident,
    handler: async ({ request, params }) => incidentAnswer(request, params.id),
  })
  const changes: Array<[string, string, z.ZodType, (w: Who, id: number, body: unknown) => Promise<unknown>]> =
    [
      ['checklist', 'Tick a checklist item: who did it and when', checklistInput, trackers.tickItem],
      ['timeline', 'Add an entry to the incident’s timeline', timelineInput, trackers.addTimelineEntry],
      ['links', 'Link a tension assessment or a tasking', linkInput, trackers.addLink],
      ['close', 'Close the incident’s response', closeInput, trackers.closeIncident],
    ]
  for (const [part, summary, body, act] of changes)
    api.add({
      method: 'POST',
      url: `/critical-incidents/:id/${part}`,
      permission: manage,
      record: 'criticalIncident',
      tag: TAG,
      params: idParams,
      summary,
      body,
      response: criticalIncident,
      handler: async ({ request, params, body: input }) => {
        await act(who(request), params.id, input)
        return incidentAnswer(request, params.id)
      },
    })
}
