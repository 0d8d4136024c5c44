import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../access/permissions.ts'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { strategyChanges as changedStrategy, strategyInput as newStrategy } from '../schema.ts'
import type { Priority, StrategyRecord } from '../strategy.ts'
import { dateItems, dayFromParts, partsFromBody } from '../web/date-parts.ts'
import { checkFormWithDate } from '../web/form-errors.ts'
import {
  priorityChanges,
  priorityFormValues,
  statusItems,
  strategyChanges,
  strategyFormValues,
  strategyPage,
} from '../web/strategy-page.ts'
import { noticeOf } from './common.ts'

const STRATEGY_FORM = 'plans/views/strategy-form.njk'
const PRIORITY_FORM = 'plans/views/priority-form.njk'
const STRATEGY_ORDER = ['title', 'period', 'status', 'adoptedOn-day', 'adoptedBy', 'vision', 'strategicAims']

/** The strategy form's body with its date input read as one YYYY-MM-DD field for the service. */
function strategyInput(body: Record<string, string>, schema: typeof newStrategy | typeof changedStrategy) {
  const result = dayFromParts(partsFromBody(body, 'adoptedOn'), 'The date it was adopted')
  const adoptedOn = checkFormWithDate(
    schema,
    { ...body, adoptedOn: null },
    { key: 'adoptedOn-day', result },
    STRATEGY_ORDER,
  )
  return { ...body, adoptedOn }
}

function strategyForm(
  body: Record<string, string>,
  extra: Record<string, unknown> & { errors?: Record<string, string> },
) {
  return {
    template: STRATEGY_FORM,
    values: body,
    statusItems: statusItems(body.status),
    adoptedOnItems: dateItems(partsFromBody(body, 'adoptedOn'), Boolean(extra.errors?.['adoptedOn-day'])),
    ...extra,
  }
}

export function strategyRoutes(app: FastifyInstance, { strategies }: Pick<Services, 'strategies'>) {
  const view = { permission: 'plans:view' as const }
  const manage = { permission: 'plans:manage' as const }
  const canManage = (request: FastifyRequest) =>
    request.user ? can(request.user.role, 'plans:manage') : false

  app.get(paths.plans.strategies(), { config: view }, async (request, reply) =>
    reply.page('plans/views/strategies.njk', {
      pageTitle: 'Strategies',
      strategies: await strategies.list(),
      canManage: canManage(request),
      notice: noticeOf(request),
    }),
  )

  app.get(paths.plans.newStrategy(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = strategyForm(
      { status: 'draft' },
      { pageTitle: 'Add a strategy', backLink: paths.plans.strategies() },
    )
    return reply.page(template, data)
  })

  app.post(paths.plans.strategies(), { config: manage }, async (request, reply) => {
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        const id = await strategies.create(request.actor, strategyInput(body, newStrategy))
        return withNotice(paths.plans.strategy(id), 'Strategy added')
      },
      ({ errors }) =>
        strategyForm(body, { pageTitle: 'Add a strategy', backLink: paths.plans.strategies(), errors }),
    )
  })

  app.get(
    paths.plans.strategy(':id'),
    { config: { ...view, record: 'strategy' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const page = strategyPage(await strategies.get(id))
      return reply.page('plans/views/strategy.njk', {
        pageTitle: page.title,
        strategy: page,
        strategyId: id,
        canManage: canManage(request),
        notice: noticeOf(request),
        backLink: paths.plans.strategies(),
      })
    },
  )

  app.get(
    paths.plans.editStrategy(':id'),
    { config: { ...manage, record: 'strategy' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const s = await strategies.get(id)
      const { template, ...data } = strategyForm(strategyFormValues(s), {
        pageTitle: `Change ${s.title}`,
        strategyId: id,
        backLink: paths.plans.strategy(id),
      })
      return reply.page(template, data)
    },
  )

  app.post(
    paths.plans.strategy(':id'),
    { config: { ...manage, record: 'strategy' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const s = await strategies.get(id)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          await strategies.update(request.actor, id, strategyInput(body, changedStrategy))
          return withNotice(paths.plans.strategy(id), 'Strategy saved')
        },
        ({ errors, current }) => {
          // The service's 409 carries the strategy as stored now.
          const stored = current as StrategyRecord | undefined
          const adopted = dayFromParts(partsFromBody(body, 'adoptedOn'), '')
          return {
            // After a conflict the next save is made knowingly over the stored version.
            ...strategyForm(stored ? { ...body, version: String(stored.version) } : body, {
              pageTitle: `Change ${s.title}`,
              strategyId: id,
              backLink: paths.plans.strategy(id),
              errors,
            }),
            changes: stored ? strategyChanges(stored, body, adopted.ok ? adopted.value : '') : undefined,
          }
        },
      )
    },
  )

  // Priorities

  app.get(
    paths.plans.newPriority(':id'),
    { config: { ...manage, record: 'strategy' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const s = await strategies.get(id)
      return reply.page(PRIORITY_FORM, {
        pageTitle: 'Add a priority',
        strategyTitle: s.title,
        action: paths.plans.priorities(id),
        values: {},
        backLink: paths.plans.strategy(id),
      })
    },
  )

  app.post(
    paths.plans.priorities(':id'),
    { config: { ...manage, record: 'strategy' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const s = await strategies.get(id)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          await strategies.addPriority(request.actor, id, body)
          return withNotice(paths.plans.strategy(id), 'Priority added')
        },
        ({ errors }) => ({
          template: PRIORITY_FORM,
          pageTitle: 'Add a priority',
          strategyTitle: s.title,
          action: paths.plans.priorities(id),
          values: body,
          errors,
          backLink: paths.plans.strategy(id),
        }),
      )
    },
  )

  app.get(
    paths.plans.editPriority(':id'),
    { config: { ...manage, record: 'priority' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const p = await strategies.getPriority(id)
      const s = await strategies.get(p.strategyId)
      return reply.page(PRIORITY_FORM, {
        pageTitle: `Change ${p.title}`,
        strategyTitle: s.title,
        action: paths.plans.priority(id),
        values: priorityFormValues(p),
        editing: true,
        backLink: paths.plans.strategy(p.strategyId),
      })
    },
  )

  app.post(
    paths.plans.priority(':id'),
    { config: { ...manage, record: 'priority' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const p = await strategies.getPriority(id)
      const s = await strategies.get(p.strategyId)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          await strategies.updatePriority(request.actor, id, body)
          return withNotice(paths.plans.strategy(p.strategyId), 'Priority saved')
        },
        ({ errors, current }) => {
          // The service's 409 carries the priority as stored now.
          const stored = current as Priority | undefined
          return {
            template: PRIORITY_FORM,
            pageTitle: `Change ${p.title}`,
            strategyTitle: s.title,
            action: paths.plans.priority(id),
            // After a conflict the next save is made knowingly over the stored version.
            values: stored ? { ...body, version: String(stored.version) } : body,
            editing: true,
            errors,
            changes: stored ? priorityChanges(stored, body) : undefined,
            backLink: paths.plans.strategy(p.strategyId),
          }
        },
      )
    },
  )
}
