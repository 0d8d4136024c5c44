import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import type { EventSummary } from '../records.ts'
import { EVENT_TYPES, RISK_LEVELS } from '../words.ts'
import {
  canManage,
  daysText,
  noticeOf,
  partnerIds,
  partnerItems,
  placeText,
  placeValues,
  wardItems,
  whoOf,
  words,
} from './common.ts'

const EVENTS = 'trackers/views/events.njk'
const EVENT = 'trackers/views/event.njk'
const EVENT_FORM = 'trackers/views/event-form.njk'

const eventsQuery = z.object({
  when: z.enum(['upcoming', 'past']).optional().catch(undefined),
  type: z
    .enum(Object.keys(EVENT_TYPES) as [string, ...string[]])
    .optional()
    .catch(undefined),
  risk: z
    .enum(Object.keys(RISK_LEVELS) as [string, ...string[]])
    .optional()
    .catch(undefined),
})

export const eventRow = (e: EventSummary) => ({
  ...e,
  when: daysText(e.startsOn, e.endsOn),
  placeText: placeText(e.place),
  partnersText: e.partners.map((p) => p.name).join(', '),
})

export function eventRoutes(
  app: FastifyInstance,
  { trackers, partners }: Pick<Services, 'trackers' | 'partners'>,
) {
  const view = { permission: 'trackers:view' as const }
  const manage = { permission: 'trackers:manage' as const }

  app.get(paths.trackers.events(), { config: view }, async (request, reply) => {
    const q = eventsQuery.parse(request.query)
    const when = q.when ?? 'upcoming'
    const events = await trackers.listEvents({ when, eventType: q.type, riskLevel: q.risk })
    return reply.page(EVENTS, {
      pageTitle: when === 'past' ? 'Past events' : 'Upcoming events',
      events: events.map(eventRow),
      filter: { when, type: q.type ?? '', risk: q.risk ?? '' },
      ...words,
      canManage: canManage(request),
      notice: noticeOf(request),
    })
  })

  const form = async (extra: Record<string, unknown> & { values: Record<string, unknown> }) => ({
    template: EVENT_FORM,
    ...words,
    wards: await wardItems(trackers),
    partnerItems: await partnerItems(partners, partnerIds(extra.values)),
    backLink: paths.trackers.events(),
    ...extra,
  })

  app.get(paths.trackers.newEvent(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({
      pageTitle: 'Add an event',
      values: { placeKind: 'ward', riskLevel: 'medium', partnerIds: [] },
    })
    return reply.page(template, data)
  })

  app.post(paths.trackers.events(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(
          paths.trackers.event(await trackers.createEvent(whoOf(request), request.body)),
          'Event added',
        ),
      ({ errors }) => {
        const body = formBody(request.body)
        return form({ pageTitle: 'Add an event', values: { ...body, partnerIds: partnerIds(body) }, errors })
      },
    ),
  )

  app.get('/trackers/events/:id', { config: { ...view, record: 'trackerEvent' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const event = await trackers.getEvent(id)
    return reply.page(EVENT, {
      pageTitle: event.title,
      event: eventRow(event),
      ...words,
      canManage: canManage(request),
      notice: noticeOf(request),
      backLink: paths.trackers.events(),
    })
  })

  app.get(
    '/trackers/events/:id/edit',
    { config: { ...manage, record: 'trackerEvent' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const event = await trackers.getEvent(id)
      const { template, ...data } = await form({
        pageTitle: `Change ${event.title}`,
        event,
        values: {
          ...event,
          ...placeValues(event.place),
          partnerIds: event.partners.map((p) => String(p.id)),
        },
        backLink: paths.trackers.event(id),
      })
      return reply.page(template, data)
    },
  )

  app.post(
    '/trackers/events/:id',
    { config: { ...manage, record: 'trackerEvent' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const event = await trackers.getEvent(id)
      return submitForm(
        reply,
        async () => {
          await trackers.updateEvent(whoOf(request), id, request.body)
          return withNotice(paths.trackers.event(id), 'Event saved')
        },
        ({ errors, current }) => {
          const body = formBody(request.body)
          return form({
            pageTitle: `Change ${event.title}`,
            event,
            values: {
              ...body,
              partnerIds: partnerIds(body),
              version: current ? event.version : body.version,
            },
            current,
            errors,
            backLink: paths.trackers.event(id),
          })
        },
      )
    },
  )
}
