import type { FastifyInstance, FastifyReply } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { mayChangePlan } from '../policy.ts'
import { NO_STRATEGY } from '../schema.ts'
import { archivedPage, type Part, pluralOf, shortText, structurePage } from '../web/structure-page.ts'
import { noticeOf, userOf } from './common.ts'

// Building a plan and changing its shape: a new plan, its themes, and removing and restoring any
// part of it. Actions and deliverables are added in structure-parts.routes.ts.

const manage = { permission: 'plans:manage' as const }
export function structureRoutes(
  app: FastifyInstance,
  { plans, planStructure, strategies }: Pick<Services, 'plans' | 'planStructure' | 'strategies'>,
) {
  const strategyItems = async (selected: string | undefined) => [
    { value: NO_STRATEGY, text: 'None', selected: !selected || selected === NO_STRATEGY },
    ...(await strategies.list()).map((st) => ({
      value: String(st.id),
      text: st.title,
      selected: String(st.id) === selected,
    })),
  ]

  app.get(paths.plans.newPlan(), { config: manage }, async (_request, reply) =>
    reply.page('plans/views/plan-new.njk', {
      pageTitle: 'New plan',
      values: {},
      strategyItems: await strategyItems(undefined),
      backLink: paths.plans.list(),
    }),
  )

  app.post(paths.plans.newPlan(), { config: manage }, async (request, reply) => {
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        const id = await planStructure.createPlan(request.actor, userOf(request), body)
        return withNotice(paths.plans.structure(id), 'Plan created: add its themes, actions and deliverables')
      },
      async ({ errors }) => ({
        template: 'plans/views/plan-new.njk',
        pageTitle: 'New plan',
        values: body,
        errors,
        strategyItems: await strategyItems(body.strategyId),
        backLink: paths.plans.list(),
      }),
    )
  })

  const structureData = async (planId: number, extra: Record<string, unknown> = {}) => {
    const plan = await plans.getPlan(planId)
    return {
      pageTitle: `Change the plan: ${plan.title}`,
      plan: { id: plan.id, title: plan.title, version: plan.version },
      themes: structurePage(plan),
      backLink: paths.plans.show(plan.id),
      ...extra,
    }
  }

  app.get(paths.plans.structure(':id'), { config: { ...manage, record: 'plan' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(
      'plans/views/plan-structure.njk',
      await structureData(id, { notice: noticeOf(request) }),
    )
  })

  /** A structure form posted from the plan's structure page: on a problem the page is shown again with it. */
  const onStructurePage = (
    reply: FastifyReply,
    planId: number,
    body: Record<string, string>,
    change: () => Promise<string>,
  ) =>
    submitForm(reply, change, async ({ errors }) => ({
      template: 'plans/views/plan-structure.njk',
      ...(await structureData(planId, { errors, values: body })),
    }))

  app.post(
    paths.plans.planThemes(':id'),
    { config: { ...manage, record: 'plan' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      return onStructurePage(reply, id, body, async () => {
        await planStructure.addTheme(request.actor, userOf(request), id, body)
        return withNotice(paths.plans.structure(id), `Theme added: ${body.title?.trim()}`)
      })
    },
  )

  app.post(
    paths.plans.moveTheme(':id'),
    { config: { ...manage, record: 'theme' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      const { plan } = await planStructure.themeInPlan(id)
      return onStructurePage(reply, plan.id, body, async () => {
        await planStructure.moveTheme(request.actor, userOf(request), id, body)
        return `${withNotice(paths.plans.structure(plan.id), 'Theme moved')}#theme-${id}`
      })
    },
  )

  const themeForm = (values: Record<string, string>, extra: Record<string, unknown>) => ({
    template: 'plans/views/theme-form.njk',
    pageTitle: 'Rename the theme',
    values,
    ...extra,
  })

  app.get(
    paths.plans.editTheme(':id'),
    { config: { ...manage, record: 'theme' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { theme, plan } = await planStructure.themeInPlan(id)
      const { template, ...data } = themeForm(
        { title: theme.title, subtitle: theme.subtitle, version: String(plan.version) },
        { id, backLink: paths.plans.structure(plan.id) },
      )
      return reply.page(template, data)
    },
  )

  app.post(paths.plans.theme(':id'), { config: { ...manage, record: 'theme' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const body = formBody(request.body)
    const { plan } = await planStructure.themeInPlan(id)
    return submitForm(
      reply,
      async () => {
        await planStructure.changeTheme(request.actor, userOf(request), id, body)
        return withNotice(paths.plans.structure(plan.id), 'Theme renamed')
      },
      ({ errors, current }) => {
        const stored = current as { version: number } | undefined
        return themeForm(stored ? { ...body, version: String(stored.version) } : body, {
          id,
          errors,
          backLink: paths.plans.structure(plan.id),
        })
      },
    )
  })

  // Removing and restoring: the same two steps for a theme, an action or a deliverable.
  const archiveForm = async (part: Part, id: number) => {
    const about = await planStructure.describePart(part, id)
    return {
      part,
      plural: pluralOf(part),
      id,
      about: { ...about, name: shortText(about.name) },
      backLink: paths.plans.structure(about.planId),
    }
  }

  for (const part of ['theme', 'action', 'deliverable'] as const) {
    const plural = pluralOf(part)
    const config = { ...manage, record: part }

    app.get(paths.plans.archivePart(plural, ':id'), { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const data = await archiveForm(part, id)
      return reply.page('plans/views/archive-form.njk', {
        pageTitle: `Remove the ${part}`,
        ...data,
        values: { version: String(data.about.planVersion) },
      })
    })

    app.post(paths.plans.archivePart(plural, ':id'), { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      const data = await archiveForm(part, id)
      return submitForm(
        reply,
        async () => {
          const planId = await planStructure.archive(request.actor, userOf(request), part, id, body)
          return withNotice(
            paths.plans.structure(planId),
            `Removed from the plan: ${data.about.name}. It is in the archived list, where it can be restored.`,
          )
        },
        ({ errors, current }) => {
          const stored = current as { version: number } | undefined
          return {
            template: 'plans/views/archive-form.njk',
            pageTitle: `Remove the ${part}`,
            ...data,
            errors,
            values: stored ? { ...body, version: String(stored.version) } : body,
          }
        },
      )
    })

    app.post(paths.plans.restorePart(plural, ':id'), { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      const about = await planStructure.describePart(part, id)
      return submitForm(
        reply,
        async () => {
          await planStructure.restore(request.actor, userOf(request), part, id, body)
          return withNotice(
            paths.plans.archived(about.planId),
            `Restored to the plan: ${shortText(about.name)}`,
          )
        },
        async ({ errors }) => ({
          template: 'plans/views/archived.njk',
          ...(await archivedData(about.planId, true, errors)),
        }),
      )
    })
  }

  const archivedData = async (planId: number, canManage: boolean, errors?: Record<string, string>) => {
    const plan = await plans.getPlan(planId)
    return {
      pageTitle: `Archived: ${plan.title}`,
      plan: { id: plan.id, title: plan.title, version: plan.version },
      archived: archivedPage(await planStructure.archived(planId)),
      canManage,
      errors,
      backLink: paths.plans.show(plan.id),
    }
  }

  app.get(
    paths.plans.archived(':id'),
    { config: { permission: 'plans:view', record: 'plan' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return reply.page('plans/views/archived.njk', {
        ...(await archivedData(id, mayChangePlan(userOf(request)))),
        notice: noticeOf(request),
      })
    },
  )
}
