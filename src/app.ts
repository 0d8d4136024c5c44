import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import { checkDatabase } from './db/database.ts'
import type { Deps } from './deps.ts'
import { ApiRegistry } from './http/api.ts'
import { registerAuthentication } from './http/authentication.ts'
import { registerCsrf } from './http/csrf.ts'
import { registerErrorHandlers } from './http/errors.ts'
import { loggerOptions } from './http/logging.ts'
import { openApiDocument } from './http/openapi.ts'
import { registerPages } from './http/pages.ts'
import { type DeclaredRoute, guardRoutes, requireDeclaredPermissions } from './http/permissions.ts'
import { registerSecurityHeaders } from './http/security-headers.ts'
import { ASSETS_PREFIX, registerStaticAssets } from './http/static-assets.ts'
import './http/types.ts'
import { anchorAuditLog } from './modules/audit/anchor.ts'
import { navigationItems } from './web/navigation.ts'
import { createViews } from './web/nunjucks.ts'
import { allPaths } from './web/paths.ts'

export interface SaferApp {
  app: FastifyInstance
  /** Every route and the permission it declares: the permission-matrix test walks this. */
  routes: DeclaredRoute[]
}

const BODY_LIMIT = 1_048_576

export interface AppOptions {
  /**
   * Adds routes before the app is sealed: benchmarks mount a static file of the same size as the
   * page they measure. Each route still has to declare its permission.
   */
  extend?: (app: FastifyInstance) => Promise<void>
}

/** Builds the web application around already-created services. Listening is server.ts's job. */
export async function createApp(deps: Deps, options: AppOptions = {}): Promise<SaferApp> {
  const { config, services, modules } = deps
  const app = Fastify({ ...loggerOptions(config), trustProxy: config.trustProxy, bodyLimit: BODY_LIMIT })

  // Order matters: the route guard must see every route, and sessions must be known before permissions are checked.
  const routes = requireDeclaredPermissions(app, ASSETS_PREFIX)
  await app.register(cookie, { secret: config.sessionSecret })
  await app.register(formbody, { bodyLimit: BODY_LIMIT })
  await app.register(rateLimit, { global: false })
  await registerSecurityHeaders(app, config)
  registerAuthentication(app, services.auth, config)
  guardRoutes(app)
  await registerCsrf(app, config)
  registerPages(
    app,
    createViews({ watch: config.reloadTemplates, paths: allPaths(modules) }),
    navigationItems(modules),
  )
  registerErrorHandlers(app)
  await registerStaticAssets(app, config.production)

  app.get('/health', { config: { permission: 'public' } }, async (_request, reply) => {
    const database = await checkDatabase(deps.database.db)
    return reply
      .code(database ? 200 : 503)
      .send({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unavailable' })
  })

  // Checkpoints of the audit log's head, once each response's changes have committed.
  anchorAuditLog(app, services.audit)
  // Each module's pages and API routes, given only the services each names.
  for (const module of modules) {
    for (const pages of module.pages ?? []) await pages.register(app, services, { config, modules })
  }
  const api = new ApiRegistry()
  for (const module of modules) {
    for (const routes of module.api ?? []) routes.register(api, services)
  }
  api.mount(app)
  const openapi = openApiDocument(api)
  app.get('/api/v1/openapi.json', { config: { permission: 'public' } }, async () => openapi)

  // Each module's work beside the pages (the reminders' schedule), stopped when the app closes.
  for (const module of modules) {
    for (const task of module.server ?? []) {
      const running = task.start(services, { config, log: app.log })
      if (running) app.addHook('onClose', async () => running.stop())
    }
  }

  if (options.extend) await options.extend(app)
  await app.ready()
  return { app, routes }
}
