import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Authenticator } from '../access/current-user.ts'
import type { Config } from '../config.ts'
import { API_PREFIX } from './api.ts'
import { sessionCookieName } from './cookies.ts'

function actorOf(request: FastifyRequest) {
  return {
    userId: request.user?.id ?? null,
    label: request.user?.email ?? 'anonymous',
    ip: request.ip ?? null,
  }
}

// The route matched, not the address typed: "/api/../admin" must not count as the API.
const isApiRoute = (request: FastifyRequest) =>
  request.routeOptions.url?.startsWith(`${API_PREFIX}/`) === true

/**
 * Finds who is asking: on the API, a personal API token in the Authorization header; everywhere, the
 * session cookie. A token is for scripts calling the API: it opens no page and submits no form, so it
 * can never stand in for the browser session that makes tokens or changes passwords.
 */
export function registerAuthentication(
  app: FastifyInstance,
  auth: Authenticator,
  config: Pick<Config, 'cookieSecure'>,
) {
  const sessionCookie = sessionCookieName(config)
  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('authMethod', null)
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      return actorOf(this)
    },
  })
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return
    const header = request.headers.authorization
    if (isApiRoute(request) && header?.toLowerCase().startsWith('bearer ')) {
      request.user = await auth.resolveToken(header.slice(7).trim())
      request.authMethod = request.user ? 'token' : null
      return
    }
    const sessionId = request.cookies[sessionCookie]
    if (!sessionId) return
    request.user = await auth.resolveSession(sessionId)
    if (request.user) {
      request.sessionId = sessionId
      request.authMethod = 'session'
    }
  })
}
