import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.ts'
import type { Services } from '../../../deps.ts'
import { deliverableRoutes } from './deliverables.routes.ts'
import { importRoutes } from './import.routes.ts'
import { myActionsRoutes } from './my-actions.routes.ts'
import { planRoutes } from './plans.routes.ts'
import { strategyRoutes } from './strategies.routes.ts'

/** The delivery-plans pages: strategies, plans, deliverables, "My actions" and the spreadsheet import. */
export async function plansRoutes(
  app: FastifyInstance,
  services: Services,
  config: Pick<Config, 'dataDir' | 'planStaleDays'>,
) {
  strategyRoutes(app, services)
  planRoutes(app, services, config)
  deliverableRoutes(app, services)
  myActionsRoutes(app, services)
  await importRoutes(app, services, config)
}
