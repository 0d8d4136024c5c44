import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import type { Indicator } from '../indicator.ts'
import { paths } from '../paths.ts'
import { whoOf } from './common.ts'
import {
  changesBetween,
  formErrors,
  formFromBody,
  formFromIndicator,
  type IndicatorForm,
  indicatorChoices,
  inputFromForm,
} from './indicator-form.ts'
import { formItems } from './indicator-form-items.ts'

type Needs = Pick<Services, 'indicators' | 'partners' | 'strategies' | 'plans' | 'crime'>

const FORM = 'performance/views/indicator-form.njk'

const BLANK: IndicatorForm = formFromBody({
  tolerance: '5',
  source: 'manual',
  computedSource: 'recorded',
  computedMeasure: 'count',
})

/** "Add an indicator" and "Change the indicator": partnership managers and administrators. */
export function defineRoutes(app: FastifyInstance, services: Needs) {
  const { indicators } = services
  const define = { permission: 'performance:define' as const }

  async function form(values: IndicatorForm, indicator: Indicator | null, problem?: FormProblem) {
    const choices = await indicatorChoices(services)
    const shown = { ...values, computedArea: values.computedArea || (indicator ? '' : choices.homeArea) }
    return {
      template: FORM,
      pageTitle: indicator ? `Change the indicator: ${indicator.name}` : 'Add an indicator',
      indicator: indicator ? { id: indicator.id, key: indicator.key, name: indicator.name } : null,
      values: shown,
      choices,
      items: formItems(choices, shown),
      errors: problem ? formErrors(problem.errors) : undefined,
      changes:
        problem?.current !== undefined
          ? changesBetween(formFromIndicator(problem.current as Indicator), values)
          : undefined,
      backLink: indicator ? paths.performance.indicator(indicator.id) : paths.performance.dashboard(),
    }
  }

  app.get(paths.performance.newIndicator(), { config: define }, async (_request, reply) => {
    const { template, ...data } = await form(BLANK, null)
    return reply.page(template, data)
  })

  app.post(paths.performance.newIndicator(), { config: define }, async (request, reply) => {
    const values = formFromBody(request.body)
    return submitForm(
      reply,
      async () => {
        const id = await indicators.define(whoOf(request), inputFromForm(values))
        return withNotice(paths.performance.indicator(id), `Indicator ${values.key.trim()} added`)
      },
      (problem) => form(values, null, problem),
    )
  })

  app.get(
    paths.performance.change(':id'),
    { config: { ...define, record: 'indicator' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const indicator = await indicators.find(id)
      const { template, ...data } = await form(formFromIndicator(indicator), indicator)
      return reply.page(template, data)
    },
  )

  app.post(
    paths.performance.change(':id'),
    { config: { ...define, record: 'indicator' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const indicator = await indicators.find(id)
      const values = { ...formFromBody(request.body), key: indicator.key }
      return submitForm(
        reply,
        async () => {
          await indicators.change(whoOf(request), id, inputFromForm(values))
          return withNotice(paths.performance.indicator(id), 'Indicator changed')
        },
        async (problem) => {
          // After someone else's save the form carries their version, so saving again replaces theirs.
          const current = problem.current as Indicator | undefined
          return form(current ? { ...values, version: String(current.version) } : values, indicator, problem)
        },
      )
    },
  )
}
