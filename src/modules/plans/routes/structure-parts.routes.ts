import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { actionHeading } from '../../../web/plan-words.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { deliverableInputOf, leadIdsOf } from '../web/deliverable-form.ts'
import { userOf } from './common.ts'
import { deliverableFormData } from './deliverable-form-data.ts'

// Adding and changing a plan's actions, and adding deliverables under them: partnership managers.

const manage = { permission: 'plans:manage' as const }
const ACTION_FORM = 'plans/views/action-form.njk'

export function structurePartRoutes(
  app: FastifyInstance,
  services: Pick<Services, 'plans' | 'planStructure' | 'partners' | 'audit'>,
) {
  const { plans, planStructure } = services

  const themeItems = async (planId: number, selected: string) =>
    (await plans.getPlan(planId)).themes.map((t) => ({
      value: String(t.id),
      text: t.title,
      selected: String(t.id) === selected,
    }))

  const actionForm = async (
    planId: number,
    values: Record<string, string>,
    extra: { pageTitle: string; formAction: string; withTheme: boolean; errors?: unknown },
  ) => ({
    template: ACTION_FORM,
    values,
    themeItems: extra.withTheme ? await themeItems(planId, values.themeId ?? '') : undefined,
    backLink: paths.plans.structure(planId),
    ...extra,
  })

  app.get(
    paths.plans.newAction(':id'),
    { config: { ...manage, record: 'theme' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { theme, plan } = await planStructure.themeInPlan(id)
      const { template, ...data } = await actionForm(
        plan.id,
        { version: String(plan.version) },
        {
          pageTitle: `Add an action to ${theme.title}`,
          formAction: paths.plans.themeActions(id),
          withTheme: false,
        },
      )
      return reply.page(template, data)
    },
  )

  app.post(
    paths.plans.themeActions(':id'),
    { config: { ...manage, record: 'theme' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { theme, plan } = await planStructure.themeInPlan(id)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          const actionId = await planStructure.addAction(request.actor, userOf(request), id, body)
          return `${withNotice(paths.plans.structure(plan.id), `${actionHeading(body.number?.trim() || null)} added`)}#action-${actionId}`
        },
        ({ errors, current }) => {
          const stored = current as { version: number } | undefined
          const values = stored ? { ...body, version: String(stored.version) } : body
          return actionForm(plan.id, values, {
            pageTitle: `Add an action to ${theme.title}`,
            formAction: paths.plans.themeActions(id),
            withTheme: false,
            errors,
          })
        },
      )
    },
  )

  app.get(
    paths.plans.editAction(':id'),
    { config: { ...manage, record: 'action' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { action, plan } = await planStructure.actionInPlan(id)
      const values = {
        number: action.number ?? '',
        text: action.text,
        locallyAdded: action.locallyAdded ? 'yes' : '',
        themeId: String(action.themeId),
        version: String(plan.version),
      }
      const { template, ...data } = await actionForm(plan.id, values, {
        pageTitle: 'Change the action',
        formAction: paths.plans.action(id),
        withTheme: true,
      })
      return reply.page(template, data)
    },
  )

  app.post(paths.plans.action(':id'), { config: { ...manage, record: 'action' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { plan } = await planStructure.actionInPlan(id)
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        await planStructure.changeAction(request.actor, userOf(request), id, body)
        return `${withNotice(paths.plans.structure(plan.id), 'Action saved')}#action-${id}`
      },
      ({ errors, current }) => {
        const stored = current as { version: number } | undefined
        const values = stored ? { ...body, version: String(stored.version) } : body
        return actionForm(plan.id, values, {
          pageTitle: 'Change the action',
          formAction: paths.plans.action(id),
          withTheme: true,
          errors,
        })
      },
    )
  })

  const newDeliverableForm = async (
    request: Parameters<typeof deliverableFormData>[1],
    actionId: number,
    values: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => {
    const { action, plan } = await planStructure.actionInPlan(actionId)
    return deliverableFormData(
      services,
      request,
      {
        pageTitle: 'Add a deliverable',
        caption: `${actionHeading(action.number)}: ${action.text}`,
        formAction: paths.plans.actionDeliverables(actionId),
        backLink: paths.plans.structure(plan.id),
        planId: plan.id,
        values: { version: String(plan.version), rag: 'not-started', actionId: String(actionId), ...values },
        manager: true,
      },
      { adding: true, ...extra },
    )
  }

  app.get(
    paths.plans.newDeliverable(':id'),
    { config: { ...manage, record: 'action' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await newDeliverableForm(request, id, {})
      return reply.page(template, data)
    },
  )

  app.post(
    paths.plans.actionDeliverables(':id'),
    { config: { ...manage, record: 'action' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      return submitForm(
        reply,
        async () => {
          const { actionId: _where, ...input } = deliverableInputOf(body)
          const deliverableId = await planStructure.addDeliverable(request.actor, userOf(request), id, input)
          return withNotice(paths.plans.deliverable(deliverableId), 'Deliverable added')
        },
        ({ errors, current }) => {
          const stored = current as { version: number } | undefined
          const values = {
            ...body,
            leadIds: leadIdsOf(body),
            ...(stored ? { version: String(stored.version) } : {}),
          }
          return newDeliverableForm(request, id, values, { errors })
        },
      )
    },
  )
}
