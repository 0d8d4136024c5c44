import type { FastifyInstance } from 'fastify'
import { londonToday } from '../../../shared/london-day.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { canManage, words } from './common.ts'
import { eventRow } from './events.routes.ts'
import { incidentRow } from './incidents.routes.ts'
import { tensionRow } from './tensions.routes.ts'

const OVERVIEW = 'trackers/views/overview.njk'

/** The four trackers on one page: what the next four weeks hold, where tension is, what is open. */
export function overviewRoutes(app: FastifyInstance, { trackers }: Pick<Services, 'trackers'>) {
  app.get(paths.trackers.overview(), { config: { permission: 'trackers:view' } }, async (request, reply) => {
    const today = londonToday()
    const fourWeeks = new Date(`${today}T00:00:00Z`)
    fourWeeks.setUTCDate(fourWeeks.getUTCDate() + 28)
    return reply.page(OVERVIEW, {
      pageTitle: 'Events, tensions and police activity',
      events: (await trackers.upcomingEvents(today, fourWeeks.toISOString().slice(0, 10))).map(eventRow),
      tensions: (await trackers.latestTensions()).map(tensionRow),
      incidents: (await trackers.criticalIncidents(true)).map(incidentRow),
      ...words,
      canManage: canManage(request),
    })
  })
}
