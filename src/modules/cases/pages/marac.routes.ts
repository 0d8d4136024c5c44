import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { safeLivesReturnCsv } from '../rules/safelives-return-csv.ts'
import { quarterBefore } from '../rules/quarter.ts'
import { dayText, whoOf } from './common.ts'
import { dashFieldOf, dashFromForm, dashQuestions } from './dash-form.ts'

const ASSESS = 'cases/views/assessment-form.njk'
const RETURN = 'cases/views/safelives-return.njk'

const formErrors = (errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [dashFieldOf(k) ?? k, v]))

/** The MARAC's own pages: a Dash reassessment of a case, and the SafeLives quarterly return. */
export function maracRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }

  async function assessPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const form = await cases.assessmentForm(whoOf(request), id)
    return {
      pageTitle: `Dash assessment of case ${id}`,
      form,
      dashQuestions,
      escalationIncidents: form.escalationIncidents,
      values: errors ? formBody(request.body) : {},
      errors,
      backLink: paths.cases.case(id),
    }
  }

  app.get('/cases/:id/assessments/new', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(ASSESS, await assessPage(request, id))
  })

  app.post('/cases/:id/assessments', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    try {
      const result = await cases.reassess(whoOf(request), id, dashFromForm(formBody(request.body), true))
      return reply.redirect(
        `${withNotice(paths.cases.case(id), `Dash assessment recorded: ${result.yes} yes, ${result.band} risk`)}#assessments`,
        303,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(ASSESS, await assessPage(request, id, formErrors(error.fieldErrors)))
    }
  })

  const period = (request: FastifyRequest) => {
    const q = request.query as { from?: string; to?: string }
    const last = quarterBefore(londonToday(new Date()))
    return { from: q.from || last.from, to: q.to || last.to }
  }

  app.get(
    '/cases/panels/:id/safelives-return',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const values = period(request)
      const base = {
        values,
        csvHref: `${paths.cases.safeLivesReturnCsv(id)}?from=${values.from}&to=${values.to}`,
        backLink: paths.cases.meetings(id),
      }
      try {
        const shown = await cases.maracReturn(whoOf(request), id, values, 'panel')
        return reply.page(RETURN, {
          pageTitle: `${shown.panelName}: SafeLives return`,
          shown,
          fromText: dayText(shown.from),
          toText: dayText(shown.to),
          ...base,
        })
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply
          .code(400)
          .page(RETURN, { pageTitle: 'SafeLives return', errors: error.fieldErrors, ...base })
      }
    },
  )

  // Anything that leaves the panel has its small counts suppressed: the download is for sending on.
  app.get(
    '/cases/panels/:id/safelives-return/csv',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const values = period(request)
      const shown = await cases.maracReturn(whoOf(request), id, values, 'leaving-panel')
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="safelives-return-${values.from}-to-${values.to}.csv"`,
        )
        .send(safeLivesReturnCsv(shown))
    },
  )
}
