import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../access/permissions.ts'
import { paths } from '../web/paths.ts'
import { sendProblem } from './problem.ts'

export interface DeclaredRoute {
  method: string
  url: string
  permission: string
  /** What the route's :id names, as the route declares it. */
  record?: string
}

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith('/api/')

/**
 * Refuses to start if a route declares no permission. Must be registered before any route.
 * Returns the list of routes, which the permission-matrix test walks.
 */
export function requireDeclaredPermissions(app: FastifyInstance, staticPrefix: string): DeclaredRoute[] {
  const routes: DeclaredRoute[] = []
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(staticPrefix) && !route.config?.permission) {
      route.config = { ...route.config, permission: 'public' }
    }
    const permission = route.config?.permission
    if (!permission) throw new Error(`Route ${route.method} ${route.url} does not declare a permission`)
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, permission, record: route.config?.record })
    }
  })
  return routes
}

/** Checks the route's declared action against the user's role. Must run after authentication. */
export function guardRoutes(app: FastifyInstance) {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission
    if (permission === undefined || permission === 'public') return
    if (!request.user) {
      if (isApiRequest(request)) return sendProblem(reply, 401, 'Sign in or send a valid API token')
      const returnTo = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : ''
      return reply.redirect(`${paths.signIn()}${returnTo}`)
    }
    if (request.authMethod === 'token' && request.routeOptions.config.sessionOnly) {
      return sendProblem(
        reply,
        403,
        'This needs you signed in to Safer in a browser: an API token cannot do it',
      )
    }
    if (!can(request.user.role, permission)) {
      if (isApiRequest(request)) return sendProblem(reply, 403, 'Your role does not allow this')
      return reply.code(403).page('error.njk', {
        pageTitle: 'You do not have permission to see this page',
        paragraphs: [
          'Your role in Safer does not include this. If you need it for your work, ask your Safer administrator.',
        ],
      })
    }
  })
}
