import type { FastifyInstance } from 'fastify'
import { type Action, can } from '../../access/permissions.ts'
import { paths } from '../../web/paths.ts'
import type { HomeCard } from '../module.ts'

/** What a signed-in person can go to from the home page: every module's cards their role may use. */
export function homeRoutes(app: FastifyInstance, cards: readonly HomeCard[]) {
  app.get('/', { config: { permission: 'home:view' } }, async (request, reply) => {
    const user = request.user
    if (!user) return reply.redirect(paths.signIn())
    return reply.page('home/views/home.njk', {
      pageTitle: 'Home',
      cards: cards.filter((c) => can(user.role, c.needs as Action)),
    })
  })
}
