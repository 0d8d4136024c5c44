import type { FastifyInstance } from 'fastify'
import { type Action, can } from '../../access/permissions.ts'
import { paths } from '../../web/paths.ts'
import type { HomeCard, Services } from '../module.ts'
import { paths as planPaths } from '../plans/paths.ts'
import { MEASURES, plansOverview } from './plans-overview.ts'
import { yourWork } from './your-work.ts'

/**
 * The signed-in home page: the person's own deliverables that need them; for those who manage the
 * plans, where each plan needs chasing; and every module's cards their role may use.
 */
export function homeRoutes(
  app: FastifyInstance,
  { deliverables, plans, cases }: Pick<Services, 'deliverables' | 'plans' | 'cases'>,
  cards: readonly HomeCard[],
  staleDays: number,
) {
  app.get('/', { config: { permission: 'home:view' } }, async (request, reply) => {
    const user = request.user
    if (!user) return reply.redirect(paths.signIn())
    const linked = user.personId !== null
    const [mine, attention, breakGlass, overdueCaseActions, transitionsDue] = await Promise.all([
      linked ? deliverables.needingAttention(user) : Promise.resolve({ led: 0, groups: [] }),
      can(user.role, 'plans:manage') ? plans.attention() : Promise.resolve(null),
      // A panel chair is shown at once any case of theirs opened by break glass.
      can(user.role, 'cases:view') ? cases.breakGlassAlerts(user) : Promise.resolve([]),
      // Case actions overdue are flagged to their owners: a count, reading no case.
      can(user.role, 'cases:view')
        ? cases.overdueActions({ actor: request.actor, user })
        : Promise.resolve(0),
      // A youth panel's chair is told how many young people are due to move to adult services: counts, naming no one.
      can(user.role, 'cases:view') ? cases.transitionsDueCount(user) : Promise.resolve([]),
    ])
    return reply.page('home/views/home.njk', {
      pageTitle: 'Home',
      linked,
      led: mine.led,
      work: yourWork(mine.groups),
      myActionsHref: planPaths.plans.myActions(),
      overview: attention && plansOverview(attention),
      measures: Object.values(MEASURES),
      staleDays,
      breakGlass,
      overdueCaseActions,
      transitionsDue,
      cards: cards.filter((c) => can(user.role, c.needs as Action)),
    })
  })
}
