import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { userOf } from '../routes/common.ts'
import { deliverableChangesInput, newDeliverableInput } from '../schema.ts'
import {
  actionInput,
  archiveInput,
  moveInput,
  newPlanInput,
  restoreInput,
  themeInput,
} from '../structure.schema.ts'
import type { PlanPart } from '../structure.service.ts'
import { answeringConflictWith } from './conflict.ts'
import { deliverableJson, storedDeliverableJson, storedPlanLinkJson } from './json.ts'

const tag = 'Plan structure'

const created = z.object({ id: z.number().int(), planVersion: z.number().int() })

/**
 * Building and reshaping a plan: partnership managers and administrators (plans:manage). Changes to
 * themes, actions and which deliverables there are carry the plan's `version` as read, and answer
 * 409 with the plan's header when it has moved on.
 */
export function structureApi(
  api: ApiRegistry,
  { plans, planStructure, deliverables }: Pick<Services, 'plans' | 'planStructure' | 'deliverables'>,
) {
  const manage = 'plans:manage' as const
  const planVersion = async (planId: number) => (await plans.getPlan(planId)).version
  // A stale structure change answers with the plan as stored now.
  const guarded = <R>(change: () => Promise<R>) => answeringConflictWith(storedPlanLinkJson, change)

  api.add({
    method: 'POST',
    url: '/plans',
    permission: manage,
    tag,
    summary: 'Create an empty plan: title, period, owning board and the strategy it delivers (optional)',
    body: newPlanInput,
    status: 201,
    response: created,
    handler: async ({ request, body }) => {
      const id = await planStructure.createPlan(request.actor, userOf(request), body)
      return { id, planVersion: await planVersion(id) }
    },
  })
  api.add({
    method: 'GET',
    url: '/plans/:id/archived',
    record: 'plan',
    permission: 'plans:view',
    tag,
    summary: 'The themes, actions and deliverables removed from a plan, with who removed them, when and why',
    params: idParams,
    handler: async ({ params }) => planStructure.archived(params.id),
  })
  api.add({
    method: 'POST',
    url: '/plans/:id/themes',
    record: 'plan',
    permission: manage,
    tag,
    summary: 'Add a theme at the end of the plan',
    params: idParams,
    body: themeInput,
    status: 201,
    response: created,
    handler: async ({ request, params, body }) => {
      const id = await guarded(() => planStructure.addTheme(request.actor, userOf(request), params.id, body))
      return { id, planVersion: await planVersion(params.id) }
    },
  })
  api.add({
    method: 'PATCH',
    url: '/themes/:id',
    record: 'theme',
    permission: manage,
    tag,
    summary: 'Rename a theme (title and subtitle)',
    params: idParams,
    body: themeInput,
    handler: async ({ request, params, body }) => {
      await guarded(() => planStructure.changeTheme(request.actor, userOf(request), params.id, body))
      return { id: params.id }
    },
  })
  api.add({
    method: 'POST',
    url: '/themes/:id/move',
    record: 'theme',
    permission: manage,
    tag,
    summary: 'Move a theme up or down the plan ({direction: "up" | "down", version})',
    params: idParams,
    body: moveInput,
    handler: async ({ request, params, body }) => {
      await guarded(() => planStructure.moveTheme(request.actor, userOf(request), params.id, body))
      return { id: params.id }
    },
  })
  api.add({
    method: 'POST',
    url: '/themes/:id/actions',
    record: 'theme',
    permission: manage,
    tag,
    summary:
      'Add an action to a theme, with its number as the plan writes it and whether it was locally added',
    params: idParams,
    body: actionInput,
    status: 201,
    handler: async ({ request, params, body }) => ({
      id: await guarded(() => planStructure.addAction(request.actor, userOf(request), params.id, body)),
    }),
  })
  api.add({
    method: 'PATCH',
    url: '/actions/:id',
    record: 'action',
    permission: manage,
    tag,
    summary: 'Renumber or rewrite an action, mark it locally added, or move it to another theme (themeId)',
    params: idParams,
    body: actionInput,
    handler: async ({ request, params, body }) => {
      await guarded(() => planStructure.changeAction(request.actor, userOf(request), params.id, body))
      return { id: params.id }
    },
  })
  api.add({
    method: 'POST',
    url: '/actions/:id/deliverables',
    record: 'action',
    permission: manage,
    tag,
    summary: 'Add a deliverable to an action: every field, leads as person ids, lead organisations as a list',
    params: idParams,
    body: newDeliverableInput.and(restoreInput),
    status: 201,
    handler: async ({ request, params, body }) => {
      const id = await guarded(() =>
        planStructure.addDeliverable(request.actor, userOf(request), params.id, body),
      )
      return deliverableJson(await deliverables.get(id))
    },
  })
  api.add({
    method: 'PATCH',
    url: '/deliverables/:id',
    record: 'deliverable',
    permission: 'plans:update-own',
    tag,
    summary:
      'Change some fields of a deliverable (the rest stay as they are). Leads, lead organisations and actionId are a partnership manager’s; a stale version answers 409',
    params: idParams,
    body: deliverableChangesInput,
    handler: async ({ request, params, body }) => {
      const user = userOf(request)
      const current = await deliverables.getForUpdate(user, params.id)
      const unchanged = {
        outcome: current.outcome,
        start: current.start,
        end: current.end,
        supportingOrganisations: current.supportingOrganisations,
        progress: current.progress,
        comment: current.comment,
        documentReferences: current.documentReferences,
        rag: current.rag,
        // Dates already stored are kept as they are, even an end before the start.
        confirmEndBeforeStart: true,
      }
      const sent = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
      const changesDates = 'start' in sent || 'end' in sent
      await answeringConflictWith(storedDeliverableJson, () =>
        deliverables.edit(request.actor, user, params.id, {
          ...unchanged,
          ...(changesDates ? { confirmEndBeforeStart: false } : {}),
          ...sent,
        }),
      )
      return deliverableJson(await deliverables.get(params.id))
    },
  })
  for (const [part, plural] of [
    ['theme', 'themes'],
    ['action', 'actions'],
    ['deliverable', 'deliverables'],
  ] as Array<[PlanPart, string]>) {
    api.add({
      method: 'POST',
      url: `/${plural}/:id/archive`,
      record: part,
      permission: manage,
      tag,
      summary: `Remove a ${part} from the plan with a reason: archived (who, when, why), never deleted`,
      params: idParams,
      body: archiveInput,
      handler: async ({ request, params, body }) => {
        const planId = await guarded(() =>
          planStructure.archive(request.actor, userOf(request), part, params.id, body),
        )
        return { id: params.id, archived: true, planVersion: await planVersion(planId) }
      },
    })
    api.add({
      method: 'POST',
      url: `/${plural}/:id/restore`,
      record: part,
      permission: manage,
      tag,
      summary: `Put an archived ${part} back in the plan`,
      params: idParams,
      body: restoreInput,
      handler: async ({ request, params, body }) => {
        const planId = await guarded(() =>
          planStructure.restore(request.actor, userOf(request), part, params.id, body),
        )
        return { id: params.id, archived: false, planVersion: await planVersion(planId) }
      },
    })
  }
}
