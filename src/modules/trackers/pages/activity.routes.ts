import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import type { ActivityReport } from '../activity.service.ts'
import { paths } from '../paths.ts'
import type { PoliceActivity } from '../records.ts'
import { periodQuery } from '../schema.ts'
import { TACTICS } from '../words.ts'
import { activityMap } from './charts.ts'
import {
  canManage,
  dayText,
  monthText,
  noticeOf,
  partnerIds,
  partnerItems,
  placeText,
  wardItems,
  whoOf,
  words,
} from './common.ts'

const ACTIVITY = 'trackers/views/activity.njk'
const ENTRY = 'trackers/views/activity-entry.njk'
const ACTIVITY_FORM = 'trackers/views/activity-form.njk'

const entryRow = (a: PoliceActivity) => ({
  ...a,
  day: dayText(a.activityOn),
  placeText: placeText(a.place),
  partnersText: a.partners.map((p) => p.name).join(', '),
})

/** Shapes the report for the page: months in words, "no data" kept apart from none. */
export function activityView(report: ActivityReport) {
  return {
    ...report,
    period: `${monthText(report.from)} to ${monthText(report.to)}`,
    activities: report.activities.map(entryRow),
    byMonth: report.byMonth.map((m) => ({ ...m, label: monthText(m.key) })),
    map: activityMap('activity-map', report),
  }
}

export function activityRoutes(
  app: FastifyInstance,
  { trackers, partners }: Pick<Services, 'trackers' | 'partners'>,
) {
  const view = { permission: 'trackers:view' as const }
  const manage = { permission: 'trackers:manage' as const }

  app.get(paths.trackers.activity(), { config: view }, async (request, reply) => {
    const q = parseInput(periodQuery, request.query)
    const report = await trackers.activityReport(q.from, q.to, q.tactic)
    return reply.page(ACTIVITY, {
      pageTitle: 'Police activity',
      report: activityView(report),
      filter: q,
      ...words,
      canManage: canManage(request),
      notice: noticeOf(request),
    })
  })

  const form = async (extra: Record<string, unknown> & { values: Record<string, unknown> }) => ({
    template: ACTIVITY_FORM,
    pageTitle: 'Add police activity',
    ...words,
    wards: await wardItems(trackers),
    partnerItems: await partnerItems(partners, partnerIds(extra.values)),
    backLink: paths.trackers.activity(),
    ...extra,
  })

  app.get(paths.trackers.newActivity(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({ values: { placeKind: 'ward' } })
    return reply.page(template, data)
  })

  app.post(paths.trackers.activity(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(
          paths.trackers.activityEntry(await trackers.createActivity(whoOf(request), request.body)),
          'Police activity added',
        ),
      ({ errors }) => form({ values: formBody(request.body), errors }),
    ),
  )

  app.get(
    '/trackers/police-activity/:id',
    { config: { ...view, record: 'policeActivity' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const activity = await trackers.getActivity(id)
      return reply.page(ENTRY, {
        pageTitle: `${TACTICS[activity.tactic]}, ${dayText(activity.activityOn)}`,
        activity: entryRow(activity),
        ...words,
        notice: noticeOf(request),
        backLink: paths.trackers.activity(),
      })
    },
  )
}
