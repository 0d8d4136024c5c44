import type { FastifyInstance } from 'fastify'
import { can } from '../../../access/permissions.ts'
import { idParams } from '../../../http/api.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { mayDefineIndicators, mayEnterValues } from '../policy.ts'
import { COUNT_TEST, PROPORTION_TEST, SMALL_BASE } from '../rules/rules.ts'
import { sendDownload, userOf } from './common.ts'
import { indicatorPage, matches, parseDashboardFilter, ragOptions, tileOf } from './view.ts'

type Needs = Pick<Services, 'indicators' | 'performanceReports' | 'partners' | 'strategies' | 'plans'>

/** The dashboard, an indicator's page and its downloads, the exception report and the VVRAP return. */
export function performanceRoutes(
  app: FastifyInstance,
  { indicators, performanceReports, partners, strategies, plans }: Needs,
) {
  const view = { permission: 'performance:view' as const }
  const exportable = { permission: 'performance:export' as const }
  const organisationNames = async () =>
    new Map((await partners.listOrganisations()).map((o) => [o.id, o.shortName]))

  app.get(paths.performance.dashboard(), { config: view }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const filter = parseDashboardFilter(query)
    const [all, names, strategyList] = await Promise.all([
      indicators.list(),
      organisationNames(),
      strategies.list(),
    ])
    const priorities = (await Promise.all(strategyList.map((s) => strategies.get(s.id)))).flatMap((s) =>
      s.priorities.map((p) => ({ value: p.id, text: `${p.title} (${s.title})` })),
    )
    const owners = [
      ...new Set(all.map((v) => v.indicator.ownerOrganisationId).filter((id): id is number => id !== null)),
    ].map((id) => ({ value: id, text: names.get(id) ?? String(id) }))
    const shown = all.filter((v) => matches(v, filter))
    const user = userOf(request)
    return reply.page('performance/views/dashboard.njk', {
      pageTitle: 'Performance',
      tiles: shown.map((v) => tileOf(v, names)),
      total: all.length,
      filter,
      priorities,
      owners,
      ragOptions,
      canEnter: can(user.role, 'performance:enter'),
      canDefine: mayDefineIndicators(user),
      notice: (query as { notice?: string }).notice,
    })
  })

  app.get(
    paths.performance.indicator(':id'),
    { config: { ...view, record: 'indicator' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const [detail, names, corrections] = await Promise.all([
        indicators.get(id),
        organisationNames(),
        indicators.corrections(id),
      ])
      const user = userOf(request)
      return reply.page('performance/views/indicator.njk', {
        pageTitle: detail.indicator.name,
        page: indicatorPage(detail, names),
        corrections,
        tests: { counts: COUNT_TEST, proportions: PROPORTION_TEST, smallBase: SMALL_BASE },
        canEnter: mayEnterValues(user, detail.indicator),
        canDefine: mayDefineIndicators(user),
        canExport: can(user.role, 'performance:export'),
        notice: (request.query as { notice?: string } | undefined)?.notice,
        backLink: paths.performance.dashboard(),
      })
    },
  )

  for (const format of ['csv', 'xlsx'] as const) {
    const url =
      format === 'csv' ? paths.performance.downloadCsv(':id') : paths.performance.downloadXlsx(':id')
    app.get(url, { config: { ...exportable, record: 'indicator' } }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return sendDownload(reply, await performanceReports.download(request.actor, id, format))
    })
  }

  app.get(paths.performance.exceptions(), { config: view }, async (request, reply) => {
    const [report, planList] = await Promise.all([performanceReports.exceptions(), plans.listPlans()])
    const user = userOf(request)
    return reply.page('performance/views/exceptions.njk', {
      pageTitle: 'Exception report',
      report,
      planItems: planList.map((p) => ({ value: p.id, text: p.title })),
      canExport: can(user.role, 'performance:export'),
      errors: (request.query as { error?: string } | undefined)?.error
        ? { quarter: 'Enter a calendar quarter, like 2025-Q1' }
        : undefined,
      backLink: paths.performance.dashboard(),
    })
  })

  // A plain GET form, so the return downloads without JavaScript: ?plan=ID&quarter=2025-Q1.
  app.get(paths.performance.vvrap(), { config: exportable }, async (request, reply) => {
    const q = (request.query ?? {}) as Record<string, string | undefined>
    const planId = Number(q.plan)
    const planList = await plans.listPlans()
    const plan = planList.find((p) => p.id === planId) ?? planList[0]
    if (!plan) return reply.redirect(paths.performance.exceptions(), 303)
    try {
      const file = await performanceReports.vvrapReturn(request.actor, plan.id, {
        quarter: q.quarter,
        borough: q.borough,
        author: userOf(request).name,
      })
      return sendDownload(reply, file)
    } catch (error) {
      if (error instanceof ValidationError)
        return reply.redirect(`${paths.performance.exceptions()}?error=quarter`, 303)
      throw error
    }
  })
}
