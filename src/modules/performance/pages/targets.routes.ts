import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { formatValue } from '../indicator.ts'
import { paths } from '../paths.ts'
import { FREQUENCY_LABELS } from '../rules/periods.ts'
import { whoOf } from './common.ts'
import { ratingTag } from './view.ts'

const TARGETS = 'performance/views/targets.njk'

const EXAMPLES = { month: '2025-01', quarter: '2025-Q1', 'financial-year': '2025-26', year: '2025' } as const

/** The "Targets" page: a target per period, added, changed and removed by those who define indicators. */
export function targetRoutes(app: FastifyInstance, { indicators }: Pick<Services, 'indicators'>) {
  const define = { permission: 'performance:define' as const, record: 'indicator' }

  async function page(id: number, values: { period: string; target: string }, errors?: FieldErrors) {
    const { indicator, series } = await indicators.get(id)
    const rows = series.points
      .filter((p) => p.target !== null)
      .reverse()
      .map((p) => ({
        period: p.period,
        label: p.label,
        target: formatValue(indicator, p.target),
        value: formatValue(indicator, p.value),
        tag: p.rating ? ratingTag(p.rating) : null,
      }))
    return {
      template: TARGETS,
      pageTitle: `Targets: ${indicator.name}`,
      indicator: {
        id: indicator.id,
        key: indicator.key,
        name: indicator.name,
        frequency: FREQUENCY_LABELS[indicator.frequency],
        tolerance: indicator.tolerance,
        polarity: indicator.polarity,
      },
      example: EXAMPLES[indicator.frequency],
      rows,
      values,
      errors,
      backLink: paths.performance.indicator(indicator.id),
    }
  }

  const idOf = (request: FastifyRequest) => parseInput(idParams, request.params).id

  app.get(paths.performance.targets(':id'), { config: define }, async (request, reply) => {
    const id = idOf(request)
    const query = (request.query ?? {}) as Record<string, unknown>
    // "Change" on a row opens the form with that period's target in it.
    const period = typeof query.period === 'string' ? query.period.slice(0, 20) : ''
    const current = period
      ? (await indicators.targets(id)).targets.find((t) => t.period === period)
      : undefined
    const { template, ...data } = await page(id, {
      period: current ? current.period : '',
      target: current ? String(current.target) : '',
    })
    return reply.page(template, {
      ...data,
      changing: current !== undefined,
      notice: typeof query.notice === 'string' ? query.notice : undefined,
    })
  })

  app.post(paths.performance.targets(':id'), { config: define }, async (request, reply) => {
    const id = idOf(request)
    const body = formBody(request.body)
    const values = { period: String(body.period ?? ''), target: String(body.target ?? '') }
    return submitForm(
      reply,
      async () => {
        const period = await indicators.setTarget(whoOf(request), id, values)
        return withNotice(paths.performance.targets(id), `Target for ${period} saved`)
      },
      ({ errors }) => page(id, values, errors),
    )
  })

  app.post(paths.performance.removeTarget(':id'), { config: define }, async (request, reply) => {
    const id = idOf(request)
    const period = String(formBody(request.body).period ?? '')
    return submitForm(
      reply,
      async () => {
        const removed = await indicators.removeTarget(whoOf(request), id, period)
        return withNotice(paths.performance.targets(id), `Target for ${removed} removed`)
      },
      ({ errors }) => page(id, { period: '', target: '' }, errors),
    )
  })
}
