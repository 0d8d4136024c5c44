import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import type { Config } from '../../../config.ts'
import { idParams } from '../../../http/api.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { type PlanFilter, planFilterQuery } from '../plan-filter.ts'
import { RAG_LABELS, RAG_STATUSES } from '../rag.ts'
import { NO_STRATEGY } from '../schema.ts'
import { planPage } from '../web/plan-page.ts'
import { planFragmentKey, planPageCacheFor } from '../web/plan-page-cache.ts'
import { summaryPage } from '../web/summary-page.ts'
import { noticeOf, sendDownload, userOf } from './common.ts'

const ragOptions = RAG_STATUSES.map((r) => ({ value: r, text: RAG_LABELS[r] }))

/** "None" is a choice with a value of its own: an empty form never unlinks a plan. */
const strategyChoices = (list: Array<{ id: number; title: string }>, linked: number | null) => [
  { value: NO_STRATEGY, text: 'None', selected: linked === null },
  ...list.map((st) => ({ value: String(st.id), text: st.title, selected: st.id === linked })),
]

export function planRoutes(
  app: FastifyInstance,
  { plans, strategies }: Pick<Services, 'plans' | 'strategies'>,
  config: Pick<Config, 'planStaleDays' | 'planPageCacheMb' | 'reloadTemplates'>,
) {
  const view = { permission: 'plans:view' as const }
  const exportable = { permission: 'plans:export' as const }
  const canManage = (request: FastifyRequest) => can(userOf(request).role, 'plans:manage')

  app.get(paths.plans.list(), { config: view }, async (request, reply) =>
    reply.page('plans/views/plans.njk', {
      pageTitle: 'Action plans',
      plans: await plans.listPlans(),
      canManage: canManage(request),
      notice: noticeOf(request),
    }),
  )

  // Rendering a large plan's deliverables is most of the page's cost, so that part is cached; the
  // rest (the user, navigation, CSRF token, links by role, notices) is rendered for each request.
  // The plan page reads nothing that must be read-audited; if it ever does, audit before the lookup.
  const pageCache = planPageCacheFor(app, config.reloadTemplates ? 0 : config.planPageCacheMb * 1024 * 1024)

  app.get(paths.plans.show(':id'), { config: { ...view, record: 'plan' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    // One day for the view and the cache key, so a page read across midnight is never kept as the next day's.
    const today = londonToday()
    const plan = await plans.getPlan(id, today)
    // A filter that does not parse (a search over 200 characters, a hand-edited address) shows
    // the whole plan with the problem named, rather than an error page.
    let filter: PlanFilter = planFilterQuery.parse({})
    let errors: FieldErrors | undefined
    try {
      filter = parseInput(planFilterQuery, request.query)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      errors = error.fieldErrors
    }
    const { role } = userOf(request)
    const deliverables = () =>
      reply.fragment('plans/views/_plan-deliverables.njk', {
        errors,
        filterValues: errors ? (request.query as Record<string, string>) : filter,
        plan: { id: plan.id },
        page: planPage(plan, filter),
        ragOptions,
        staleDays: config.planStaleDays,
        canManage: can(role, 'plans:manage'),
      })
    return reply.page('plans/views/plan.njk', {
      errors,
      pageTitle: plan.title,
      plan: {
        id: plan.id,
        title: plan.title,
        period: plan.period,
        strategyId: plan.strategyId,
        version: plan.version,
        sourceFile: plan.sourceFile,
        leadership: plan.leadership,
        strategicAims: plan.strategicAims,
      },
      // Unparsed filters are shown back as typed, so they are rendered afresh and not kept.
      deliverablesHtml: errors
        ? deliverables()
        : pageCache.through(planFragmentKey(plan, today, role, filter), deliverables),
      canExport: can(role, 'plans:export'),
      // Only those who may change the link need the list of strategies to choose from.
      strategyItems: canManage(request)
        ? strategyChoices(await strategies.list(), plan.strategyId)
        : undefined,
      notice: noticeOf(request),
      backLink: paths.plans.list(),
    })
  })

  app.post(
    paths.plans.planStrategy(':id'),
    { config: { permission: 'plans:manage', record: 'plan' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await strategies.setPlanStrategy(request.actor, id, request.body)
      return reply.redirect(
        `${paths.plans.show(id)}?notice=${encodeURIComponent('Linked strategy saved')}`,
        303,
      )
    },
  )

  app.get(paths.plans.summary(':id'), { config: { ...view, record: 'plan' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const plan = await plans.getPlan(id)
    return reply.page('plans/views/plan-summary.njk', {
      pageTitle: `Plan on a page: ${plan.title}`,
      plan: { id: plan.id, title: plan.title },
      summary: summaryPage(plan),
      backLink: paths.plans.show(id),
    })
  })

  for (const format of ['xlsx', 'csv'] as const) {
    const url = format === 'xlsx' ? paths.plans.exportXlsx(':id') : paths.plans.exportCsv(':id')
    app.get(url, { config: { ...exportable, record: 'plan' } }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return sendDownload(reply, await plans.exportPlan(request.actor, id, format))
    })
  }
}
