import type { FastifyInstance } from 'fastify'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { myActionsByPlan } from '../web/my-actions.ts'
import { userOf } from './common.ts'

export function myActionsRoutes(
  app: FastifyInstance,
  { deliverables, partners }: Pick<Services, 'deliverables' | 'partners'>,
) {
  app.get(paths.plans.myActions(), { config: { permission: 'plans:view' } }, async (request, reply) => {
    const user = userOf(request)
    // Signed-in users are linked to the people named in plans by email address, or else by name.
    const linked = (await partners.personForUser(user)) !== undefined
    const led = linked ? await deliverables.ledBy(user) : []
    return reply.page('plans/views/my-actions.njk', {
      pageTitle: 'My actions',
      linked,
      count: led.length,
      plans: myActionsByPlan(led),
    })
  })
}
