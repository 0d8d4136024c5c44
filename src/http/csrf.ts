import csrf from '@fastify/csrf-protection'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Every state-changing request made with a browser session carries a token tied to a
 * signed secret cookie. Requests made with a personal API token carry no cookie a
 * third-party site could ride on, so they need none. Runs as preHandler: the body
 * (where forms put the token) is parsed by then.
 */
export async function registerCsrf(app: FastifyInstance, config: Pick<Config, 'cookieSecure'>) {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'safer_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, signed: true },
  })
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.authMethod === 'token') return done()
    app.csrfProtection(request, reply, done)
  })
}
