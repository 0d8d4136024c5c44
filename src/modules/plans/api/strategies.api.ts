import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { priorityChanges, priorityInput, strategyChanges, strategyInput } from '../schema.ts'
import { answeringConflictWith } from './conflict.ts'
import {
  priorityJson,
  priorityOfStrategyJson,
  storedStrategyJson,
  strategyJson,
  strategySummaryJson,
} from './json.ts'

const tag = 'Strategies'

export function strategiesApi(api: ApiRegistry, { strategies }: Pick<Services, 'strategies'>) {
  api.add({
    method: 'GET',
    url: '/strategies',
    permission: 'plans:view',
    tag,
    summary: 'List strategies',
    handler: async () => ({ strategies: (await strategies.list()).map(strategySummaryJson) }),
  })
  api.add({
    method: 'GET',
    url: '/strategies/:id',
    record: 'strategy',
    permission: 'plans:view',
    tag,
    summary: 'One strategy with its aims, priorities, leadership and linked plans',
    params: idParams,
    handler: async ({ params }) => strategyJson(await strategies.get(params.id)),
  })
  api.add({
    method: 'POST',
    url: '/strategies',
    permission: 'plans:manage',
    tag,
    summary: 'Add a strategy (strategicAims as a list)',
    body: strategyInput,
    status: 201,
    handler: async ({ request, body }) =>
      strategyJson(await strategies.get(await strategies.create(request.actor, body))),
  })
  api.add({
    method: 'PUT',
    url: '/strategies/:id',
    record: 'strategy',
    permission: 'plans:manage',
    tag,
    summary: 'Change a strategy (a stale version answers 409)',
    params: idParams,
    body: strategyChanges,
    handler: async ({ request, params, body }) => {
      await answeringConflictWith(storedStrategyJson, () => strategies.update(request.actor, params.id, body))
      return strategyJson(await strategies.get(params.id))
    },
  })
  api.add({
    method: 'POST',
    url: '/strategies/:id/priorities',
    record: 'strategy',
    permission: 'plans:manage',
    tag,
    summary: 'Add a priority to a strategy',
    params: idParams,
    body: priorityInput,
    status: 201,
    handler: async ({ request, params, body }) =>
      priorityOfStrategyJson(
        await strategies.getPriority(await strategies.addPriority(request.actor, params.id, body)),
      ),
  })
  api.add({
    method: 'PUT',
    url: '/priorities/:id',
    record: 'priority',
    permission: 'plans:manage',
    tag,
    summary: 'Change a priority (a stale version answers 409)',
    params: idParams,
    body: priorityChanges,
    handler: async ({ request, params, body }) => {
      await answeringConflictWith(priorityJson, () =>
        strategies.updatePriority(request.actor, params.id, body),
      )
      return priorityOfStrategyJson(await strategies.getPriority(params.id))
    },
  })
}
