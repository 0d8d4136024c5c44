import type { FastifyInstance, FastifyReply } from 'fastify'
import { ValidationError } from '../../../shared/errors.ts'
import type { Services } from '../../module.ts'
import { addMonths } from '../analysis/months.ts'
import { paths } from '../paths.ts'
import { buildAssessment } from './build.ts'
import { exportAssessment } from './export.ts'

const build = { permission: 'assessment:build' as const }
type Query = Record<string, string | undefined>

export { assessmentFileName } from './export.ts'

/** The strategic assessment: choose area and period, preview it, download it as Word. */
export function assessmentRoutes(app: FastifyInstance, { crime, audit }: Pick<Services, 'crime' | 'audit'>) {
  /** The home area and the latest 12 months loaded for it (recorded crime, else police.uk). */
  async function defaults(): Promise<Query> {
    const home = await crime.homeArea().catch(() => null)
    const latest = async (source: 'recorded' | 'police-uk') =>
      home ? await crime.analysis.latestMonth(source, home).catch(() => null) : null
    const to = (await latest('recorded')) ?? (await latest('police-uk')) ?? undefined
    return { area: home?.name, from: to ? addMonths(to, -11) : undefined, to }
  }

  function form(reply: FastifyReply, values: Query, errors?: Record<string, string>) {
    return reply
      .code(errors ? 400 : 200)
      .page('crime/views/assessment-form.njk', { pageTitle: 'Strategic assessment', values, errors, qs: '' })
  }

  app.get(paths.assessment.form(), { config: build }, async (_request, reply) =>
    form(reply, await defaults()),
  )

  app.get(paths.assessment.preview(), { config: build }, async (request, reply) => {
    const query = request.query as Query
    try {
      const assessment = await buildAssessment(crime, query)
      const qs = `?${new URLSearchParams({ area: query.area ?? '', from: assessment.from, to: assessment.to })}`
      return reply.page('crime/views/assessment.njk', {
        pageTitle: assessment.title,
        assessment,
        download: `${paths.assessment.download()}${qs}`,
        qs,
        backLink: `${paths.assessment.form()}${qs}`,
      })
    } catch (error) {
      if (error instanceof ValidationError) return form(reply, query, error.fieldErrors)
      throw error
    }
  })

  app.get(paths.assessment.download(), { config: build }, async (request, reply) => {
    const query = request.query as Query
    try {
      const file = await exportAssessment(crime, audit, request.actor, query)
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content)
    } catch (error) {
      if (error instanceof ValidationError) return form(reply, query, error.fieldErrors)
      throw error
    }
  })
}
