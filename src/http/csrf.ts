import { createHmac } from 'node:crypto'
import csrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { newSecret, sha256 } from '../shared/secrets.ts'
import { csrfCookieName } from './cookies.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const SECRET_BYTES = 18

/**
 * Whose token it is. A token carries an HMAC of this, so a token minted for a signed-out visitor, or
 * for one user, fails with another user's session even if its secret cookie was planted alongside it.
 */
function binding(request: FastifyRequest): string {
  return request.sessionId ? `session:${sha256(request.sessionId)}` : 'signed-out'
}

function cookieOptions(config: Pick<Config, 'cookieSecure'>) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure, signed: true }
}

/**
 * Every state-changing request made with a browser session carries a token tied to a signed secret
 * cookie and to the session. Requests made with a personal API token (only ever on the API) carry no
 * cookie a third-party site could ride on, so they need none. Runs as preHandler: the body (where
 * forms put the token) is parsed by then.
 */
export async function registerCsrf(
  app: FastifyInstance,
  config: Pick<Config, 'cookieSecure' | 'sessionSecret'>,
) {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(config),
    cookieOpts: cookieOptions(config),
    getUserInfo: binding,
    csrfOpts: { hmacKey: createHmac('sha256', config.sessionSecret).update('safer csrf tokens').digest() },
  })
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.authMethod === 'token') return done()
    app.csrfProtection(request, reply, done)
  })
}

/** A token for the forms on the page being rendered, bound to this request's session (or to none). */
export function csrfTokenFor(reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: binding(reply.request) })
}

/** A new secret at sign-in and sign-out: nothing minted before the change of session is good after it. */
export function rotateCsrfSecret(reply: FastifyReply, config: Pick<Config, 'cookieSecure'>) {
  reply.setCookie(csrfCookieName(config), newSecret(SECRET_BYTES), cookieOptions(config))
}
