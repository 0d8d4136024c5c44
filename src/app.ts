import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
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
import { auditRoutes } from './modules/audit/routes.ts'
import { accountRoutes } from './modules/auth/account.routes.ts'
import { authApi } from './modules/auth/api.ts'
import { signInRoutes } from './modules/auth/sign-in.routes.ts'
import { userAdminRoutes } from './modules/auth/users.routes.ts'
import { crimeApi } from './modules/crime/api.ts'
import { assessmentRoutes } from './modules/crime/assessment/routes.ts'
import { crimeRoutes } from './modules/crime/routes.ts'
import { homeRoutes } from './modules/home/routes.ts'
import { partnersApi } from './modules/partners/api.ts'
import { partnersRoutes } from './modules/partners/routes.ts'
import { plansModuleApi } from './modules/plans/api/index.ts'
import { plansRoutes } from './modules/plans/routes/index.ts'
import { createViews } from './web/nunjucks.ts'

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
  const { config, services } = deps
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
  registerPages(app, createViews({ watch: config.reloadTemplates }))
  registerErrorHandlers(app)
  await registerStaticAssets(app, config.production)

  app.get('/health', { config: { permission: 'public' } }, async (_request, reply) => {
    const database = await services.health()
    return reply.code(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unavailable' })
  })

  signInRoutes(app, services, config)
  homeRoutes(app)
  accountRoutes(app, services)
  partnersRoutes(app, services)
  userAdminRoutes(app, services)
  auditRoutes(app, services)
  anchorAuditLog(app, services.audit)
  crimeRoutes(app, services)
  assessmentRoutes(app, services)
  await plansRoutes(app, services, config)

  const api = new ApiRegistry()
  authApi(api, services)
  partnersApi(api, services)
  crimeApi(api, services)
  plansModuleApi(api, services)
  api.mount(app)
  const openapi = openApiDocument(api)
  app.get('/api/v1/openapi.json', { config: { permission: 'public' } }, async () => openapi)

  if (options.extend) await options.extend(app)
  await app.ready()
  return { app, routes }
}
