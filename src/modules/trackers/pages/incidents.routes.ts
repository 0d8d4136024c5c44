import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import type { IncidentSummary } from '../records.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { CHECKLIST } from '../words.ts'
import { canManage, dayText, noticeOf, placeText, wardItems, whoOf, words } from './common.ts'
import { tensionRow } from './tensions.routes.ts'

const INCIDENTS = 'trackers/views/incidents.njk'
const INCIDENT = 'trackers/views/incident.njk'
const INCIDENT_FORM = 'trackers/views/incident-form.njk'

export const incidentRow = (i: IncidentSummary) => ({
  ...i,
  day: dayText(i.occurredOn),
  placeText: placeText(i.place),
})

export function incidentRoutes(
  app: FastifyInstance,
  { trackers, audit }: Pick<Services, 'trackers' | 'audit'>,
) {
  const view = { permission: 'trackers:view' as const }
  const manage = { permission: 'trackers:manage' as const }

  app.get(paths.trackers.incidents(), { config: view }, async (request, reply) => {
    const all = (await trackers.criticalIncidents()).map(incidentRow)
    return reply.page(INCIDENTS, {
      pageTitle: 'Critical incidents',
      open: all.filter((i) => i.status === 'open'),
      closed: all.filter((i) => i.status === 'closed'),
      canManage: canManage(request),
      notice: noticeOf(request),
    })
  })

  const form = async (extra: Record<string, unknown>) => ({
    template: INCIDENT_FORM,
    pageTitle: 'Record a critical incident',
    ...words,
    wards: await wardItems(trackers),
    backLink: paths.trackers.incidents(),
    ...extra,
  })

  app.get(paths.trackers.newIncident(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({ values: { placeKind: 'ward' } })
    return reply.page(template, data)
  })

  app.post(paths.trackers.incidents(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(
          paths.trackers.incident(await trackers.createIncident(whoOf(request), request.body)),
          'Critical incident recorded, with the response checklist',
        ),
      ({ errors }) => form({ values: formBody(request.body), errors }),
    ),
  )

  /** The incident's page, with any form's problem and the values typed into it. */
  async function incidentPage(request: FastifyRequest, id: number, problem?: FormProblem & { form: string }) {
    const incident = await trackers.getIncident(id)
    const manager = canManage(request) && incident.status === 'open'
    return {
      template: INCIDENT,
      pageTitle: incident.title,
      incident: {
        ...incidentRow(incident),
        checklist: incident.checklist.map((c) => ({
          ...c,
          label: CHECKLIST[c.item],
          done: dayText(c.doneOn),
        })),
        timeline: incident.timeline.map((t) => ({ ...t, when: `${dayText(t.at)}, ${t.at.slice(11, 16)}` })),
        tensionAssessments: incident.tensionAssessments.map(tensionRow),
        summaryText: incident.summary,
        closed: dayText(incident.closedOn),
      },
      ...words,
      canManage: manager,
      checklistItems: Object.entries(CHECKLIST).map(([value, text]) => ({ value, text })),
      assessments: manager
        ? (await trackers.listAssessments()).map((a) => ({
            value: a.id,
            text: `${a.area.name}, ${dayText(a.assessedOn)} (level ${a.level})`,
          }))
        : [],
      today: londonToday(),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
      backLink: paths.trackers.incidents(),
    }
  }

  app.get(
    '/trackers/critical-incidents/:id',
    { config: { ...view, record: 'criticalIncident' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await incidentPage(request, id)
      await auditRead(audit, sensitiveReads, request, { what: 'critical-incident', entityId: id })
      return reply.page(template, data)
    },
  )

  // The incident page's own forms: each re-renders the page with its problem beside the form.
  const incidentForms: Array<[string, string, (request: FastifyRequest, id: number) => Promise<string>]> = [
    [
      '/trackers/critical-incidents/:id/checklist',
      'checklist',
      async (request, id) => {
        await trackers.tickItem(whoOf(request), id, request.body)
        return 'Checklist item ticked'
      },
    ],
    [
      '/trackers/critical-incidents/:id/timeline',
      'timeline',
      async (request, id) => {
        const body = formBody(request.body)
        await trackers.addTimelineEntry(whoOf(request), id, {
          ...body,
          at: body.at ?? `${body.date ?? ''}T${body.time ?? ''}`,
        })
        return 'Timeline entry added'
      },
    ],
    [
      '/trackers/critical-incidents/:id/links',
      'links',
      async (request, id) => {
        await trackers.addLink(whoOf(request), id, request.body)
        return 'Link added'
      },
    ],
    [
      '/trackers/critical-incidents/:id/close',
      'close',
      async (request, id) => {
        await trackers.closeIncident(whoOf(request), id, request.body)
        return 'Response closed'
      },
    ],
  ]
  for (const [url, form, act] of incidentForms) {
    app.post(url, { config: { ...manage, record: 'criticalIncident' } }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await trackers.getIncident(id)
      return submitForm(
        reply,
        async () => withNotice(paths.trackers.incident(id), await act(request, id)),
        (problem) => incidentPage(request, id, { ...problem, form }),
      )
    })
  }
}
