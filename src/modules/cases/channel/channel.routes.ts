import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { recordFormPoster } from '../pages/record-form-post.ts'
import { paths } from '../paths.ts'
import {
  VAF_DIMENSION_LABELS,
  VAF_DIMENSIONS,
  VAF_FACTORS,
  VAF_STATUS_LABELS,
  VAF_STATUSES,
} from '../rules/vaf-factors.ts'
import {
  CONSENT_DECISION_LABELS,
  CONSENT_DECISIONS,
  CONSENT_GIVER_LABELS,
  CONSENT_GIVERS,
} from './consent-policy.ts'
import { SUPPORT_TYPE_LABELS, SUPPORT_TYPES } from './schema.ts'
import { vafChart } from './vaf-chart.ts'

const PAGE = 'cases/views/channel-vaf.njk'

/** The assessment form's flat fields (status_<factor>, note_<factor>) as the service takes them. */
export function vafFromForm(body: Record<string, string>) {
  return {
    assessedOn: body.assessedOn,
    ratings: Object.fromEntries(
      VAF_FACTORS.filter((f) => body[`status_${f.id}`]).map((f) => [
        f.id,
        { status: body[`status_${f.id}`], note: body[`note_${f.id}`] },
      ]),
    ),
  }
}

/** The rules' field names (ratings.<factor>) said as the form's (status_<factor>), so errors sit by their radios. */
const formErrors = (errors: FieldErrors) =>
  Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k.replace(/^ratings\.([\w-]+).*$/, 'status_$1'), v]),
  )

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, text: labels[value] }))

/** A Channel case's VAF page: the change chart with its table, consent, the support package, and the forms. */
export function channelRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }

  async function page(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const record = await cases.channelRecord(whoOf(request), id)
    return {
      pageTitle: `Channel: VAF of case ${id}`,
      record,
      chart: record.series.length ? vafChart(record.series) : null,
      dimensions: VAF_DIMENSIONS.map((d) => ({
        id: d,
        label: VAF_DIMENSION_LABELS[d],
        of: VAF_FACTORS.filter((f) => f.dimension === d).length,
      })),
      factors: VAF_FACTORS,
      statusItems: options(VAF_STATUSES, VAF_STATUS_LABELS),
      statusLabels: VAF_STATUS_LABELS,
      decisionItems: options(CONSENT_DECISIONS, CONSENT_DECISION_LABELS),
      giverItems: options(CONSENT_GIVERS, CONSENT_GIVER_LABELS),
      supportItems: options(SUPPORT_TYPES, SUPPORT_TYPE_LABELS),
      dayText,
      values: errors ? formBody(request.body) : {},
      errors: errors ? formErrors(errors) : undefined,
      notice: noticeOf(request),
      backLink: paths.cases.case(id),
    }
  }

  app.get('/cases/:id/channel', { config: { ...view, record: 'channelCase' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(PAGE, await page(request, id))
  })

  const post = recordFormPoster(app, {
    name: 'channelCase',
    template: PAGE,
    page,
    pathOf: paths.cases.channel,
  })

  post(
    '/cases/:id/channel/vaf',
    (request, id) => cases.assessVaf(whoOf(request), id, vafFromForm(formBody(request.body))),
    'VAF assessment recorded',
    'chart',
  )
  post(
    '/cases/:id/channel/consent',
    (request, id) => cases.recordChannelConsent(whoOf(request), id, request.body),
    'Consent decision recorded',
    'consent',
  )
  post(
    '/cases/:id/channel/support',
    (request, id) => cases.addChannelSupport(whoOf(request), id, request.body),
    'Support added to the package',
    'support',
  )
}
