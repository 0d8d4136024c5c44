import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'
import { publishInput, withdrawInput } from './schema.ts'

const TAG = 'Governance'
const publication = z.object({
  meetingId: z.number(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  visible: z.boolean().describe('Published and in a status the public page shows'),
})

export function publishingApi(api: ApiRegistry, { governance }: Pick<Services, 'governance'>) {
  const who = (request: { actor: Who['actor']; user: Who['user'] }): Who => ({
    actor: request.actor,
    user: request.user,
  })

  api.add({
    method: 'GET',
    url: '/meetings/:id/publication',
    record: 'meeting',
    permission: 'governance:view',
    tag: TAG,
    summary: 'Whether a meeting is published to the public page, since when and by whom',
    params: idParams,
    response: publication,
    handler: async ({ params }) => governance.publication(params.id),
  })
  const steps = [
    [
      'publish',
      'Publish a meeting to the public page (confirm: true)',
      publishInput,
      governance.publishMeeting,
    ],
    ['withdraw', 'Withdraw a meeting from the public page', withdrawInput, governance.withdrawMeeting],
  ] as const
  for (const [part, summary, body, act] of steps) {
    api.add({
      method: 'POST',
      url: `/meetings/:id/${part}`,
      record: 'meeting',
      permission: 'governance:manage',
      tag: TAG,
      summary,
      params: idParams,
      body,
      response: publication,
      handler: async ({ request, params, body: input }) => {
        await act(who(request), params.id, input)
        return governance.publication(params.id)
      },
    })
  }
}
