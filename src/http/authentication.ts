import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { Authenticator } from '../access/current-user.ts'

export const SESSION_COOKIE = 'safer_session'

export function sessionCookieOptions(config: Pick<Config, 'cookieSecure'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure }
}

function actorOf(request: FastifyRequest) {
  return { userId: request.user?.id ?? null, label: request.user?.email ?? 'anonymous', ip: request.ip ?? null }
}

/** Finds who is asking: a personal API token in the Authorization header, else the session cookie. */
export function registerAuthentication(app: FastifyInstance, auth: Authenticator) {
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
    if (header?.toLowerCase().startsWith('bearer ')) {
      request.user = await auth.resolveToken(header.slice(7).trim())
      request.authMethod = request.user ? 'token' : null
      return
    }
    const sessionId = request.cookies[SESSION_COOKIE]
    if (!sessionId) return
    request.user = await auth.resolveSession(sessionId)
    if (request.user) {
      request.sessionId = sessionId
      request.authMethod = 'session'
    }
  })
}
