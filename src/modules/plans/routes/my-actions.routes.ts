import type { FastifyInstance } from 'fastify'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { myActionsByPlan } from '../web/my-actions.ts'
import { userOf } from './common.ts'

export function myActionsRoutes(app: FastifyInstance, { deliverables }: Pick<Services, 'deliverables'>) {
  app.get(paths.plans.myActions(), { config: { permission: 'plans:view' } }, async (request, reply) => {
    const user = userOf(request)
    // Only an administrator's link makes a user the person a plan names; a matching name does not.
    const linked = user.personId !== null
    const led = await deliverables.ledBy(user)
    return reply.page('plans/views/my-actions.njk', {
      pageTitle: 'My actions',
      linked,
      count: led.length,
      plans: myActionsByPlan(led),
    })
  })
}
