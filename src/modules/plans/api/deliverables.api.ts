import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { userOf } from '../routes/common.ts'
import { deliverableChangesInput, progressUpdateInput } from '../schema.ts'
import { answeringConflictWith } from './conflict.ts'
import { deliverableJson, ledJson, storedDeliverableJson, updateJson } from './json.ts'

const tag = 'Deliverables'

export function deliverablesApi(api: ApiRegistry, { deliverables }: Pick<Services, 'deliverables'>) {
  api.add({
    method: 'GET',
    url: '/deliverables/:id',
    record: 'deliverable',
    permission: 'plans:view',
    tag,
    summary: 'One deliverable with its plan, theme, action, flags and latest update',
    params: idParams,
    handler: async ({ params }) => deliverableJson(await deliverables.get(params.id)),
  })
  api.add({
    method: 'PUT',
    url: '/deliverables/:id',
    record: 'deliverable',
    permission: 'plans:update-own',
    tag,
    summary: 'Change a deliverable: its lead or a partnership manager (a stale version answers 409)',
    params: idParams,
    body: deliverableChangesInput,
    handler: async ({ request, params, body }) => {
      await answeringConflictWith(storedDeliverableJson, () =>
        deliverables.edit(request.actor, userOf(request), params.id, body),
      )
      return deliverableJson(await deliverables.get(params.id))
    },
  })
  api.add({
    method: 'GET',
    url: '/deliverables/:id/updates',
    record: 'deliverable',
    permission: 'plans:view',
    tag,
    summary: 'A deliverable’s progress updates, newest first',
    params: idParams,
    handler: async ({ params }) => ({ updates: (await deliverables.get(params.id)).updates.map(updateJson) }),
  })
  api.add({
    method: 'POST',
    url: '/deliverables/:id/updates',
    record: 'deliverable',
    permission: 'plans:update-own',
    tag,
    summary: 'Add a progress update (its RAG becomes the deliverable’s): its lead or a partnership manager',
    params: idParams,
    body: progressUpdateInput,
    status: 201,
    handler: async ({ request, params, body }) => {
      const updateId = await deliverables.addUpdate(request.actor, userOf(request), params.id, body)
      const update = (await deliverables.get(params.id)).updates.find((u) => u.id === updateId)
      return update ? updateJson(update) : { id: updateId }
    },
  })
  api.add({
    method: 'GET',
    url: '/my-actions',
    permission: 'plans:view',
    tag,
    summary: 'The deliverables the signed-in user leads, with their flags',
    handler: async ({ request }) => {
      const user = userOf(request)
      return { linked: user.personId !== null, deliverables: (await deliverables.ledBy(user)).map(ledJson) }
    },
  })
}
