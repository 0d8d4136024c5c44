import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../http/api.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import type { TensionSummary } from '../records.ts'
import { tensionFromForm } from '../schema.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { tensionChart } from './charts.ts'
import { canManage, dayText, noticeOf, wardItems, whoOf, words } from './common.ts'

const TENSIONS = 'trackers/views/tensions.njk'
const HISTORY = 'trackers/views/tension-history.njk'
const TENSION = 'trackers/views/tension.njk'
const TENSION_FORM = 'trackers/views/tension-form.njk'

/** The history page's key for an area: its ward code, or "whole" for the whole area. */
export const areaKey = (t: TensionSummary) => t.area.code ?? 'whole'

export const tensionRow = (t: TensionSummary) => ({
  ...t,
  assessed: dayText(t.assessedOn),
  historyHref: paths.trackers.tensionHistory(areaKey(t)),
})

const historyQuery = z.object({
  area: z.union([z.literal('whole'), z.string().regex(/^E05\d{6}$/)], {
    error: 'Choose an area from the list',
  }),
})

export function tensionRoutes(
  app: FastifyInstance,
  { trackers, partners, audit }: Pick<Services, 'trackers' | 'partners' | 'audit'>,
) {
  const view = { permission: 'trackers:view' as const }
  const manage = { permission: 'trackers:manage' as const }

  app.get(paths.trackers.tensions(), { config: view }, async (request, reply) =>
    reply.page(TENSIONS, {
      pageTitle: 'Community tensions',
      latest: (await trackers.latestTensions()).map(tensionRow),
      ...words,
      canManage: canManage(request),
      notice: noticeOf(request),
    }),
  )

  app.get('/trackers/tensions/history', { config: view }, async (request, reply) => {
    const { area } = parseInput(historyQuery, request.query)
    const history = (await trackers.tensionHistory(area === 'whole' ? null : area)).map(tensionRow)
    const name = history[0]?.area.name ?? (area === 'whole' ? 'the whole area' : area)
    await auditRead(audit, sensitiveReads, request, { what: 'tension-assessment', filter: { area } })
    return reply.page(HISTORY, {
      pageTitle: `Community tension in ${name}`,
      areaName: name,
      history,
      chart: tensionChart('tension-history', name, history, dayText),
      ...words,
      backLink: paths.trackers.tensions(),
    })
  })

  const form = async (extra: Record<string, unknown>) => ({
    template: TENSION_FORM,
    pageTitle: 'Add a tension assessment',
    ...words,
    wards: await wardItems(trackers),
    organisations: (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name })),
    backLink: paths.trackers.tensions(),
    ...extra,
  })

  app.get(paths.trackers.newTension(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({ values: { areaKind: 'ward' } })
    return reply.page(template, data)
  })

  app.post(paths.trackers.tensions(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        const id = await trackers
          .createAssessment(whoOf(request), tensionFromForm(formBody(request.body)))
          .catch((error) => {
            // The form has one message place for the indicators and one for the contributions.
            if (!(error instanceof ValidationError)) throw error
            const fields: Record<string, string> = {}
            for (const [field, message] of Object.entries(error.fieldErrors)) {
              const group = field.split('.')[0] ?? field
              fields[group] ??=
                group === 'indicators' ? 'Give each indicator you note a level from 1 to 5' : message
            }
            throw new ValidationError(fields)
          })
        return withNotice(paths.trackers.tension(id), 'Tension assessment added')
      },
      ({ errors }) => form({ values: formBody(request.body), errors }),
    ),
  )

  app.get(
    '/trackers/tensions/:id',
    { config: { ...view, record: 'tensionAssessment' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const assessment = await trackers.getAssessment(id)
      await auditRead(audit, sensitiveReads, request, { what: 'tension-assessment', entityId: id })
      return reply.page(TENSION, {
        pageTitle: `Tension assessment: ${assessment.area.name}, ${dayText(assessment.assessedOn)}`,
        assessment: tensionRow(assessment),
        ...words,
        notice: noticeOf(request),
        backLink: paths.trackers.tensions(),
      })
    },
  )
}
