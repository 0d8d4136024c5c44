import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { sessionCookieName, sessionCookieOptions } from '../../http/cookies.ts'
import { rotateCsrfSecret } from '../../http/csrf.ts'
import { ValidationError } from '../../shared/errors.ts'
import { formBody } from '../../web/forms.ts'
import { paths as corePaths } from '../../web/paths.ts'
import type { Services } from '../module.ts'
import { parseOrganisationLines } from './organisation-line.ts'
import { paths } from './paths.ts'
import { AlreadySetUpError } from './service.ts'

const TEMPLATE = 'setup/views/setup.njk'
const WRONG_CODE = 'Enter the setup code exactly as Safer printed it when it started'

// Pages that must answer before Safer is set up: this one, its stylesheet and scripts, the health
// check for the load balancer, and the API (which answers 401 to everyone until there are users).
function waitsForNoSetup(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '/'
  return (
    path === paths.setup.start() ||
    path.startsWith('/assets/') ||
    path === corePaths.health() ||
    path.startsWith('/api/')
  )
}

/**
 * The browser's first run. Until an administrator exists every page leads here, and the page is
 * guarded by the one-time code the server prints to its console at start; afterwards it is gone.
 */
export function setupRoutes(
  app: FastifyInstance,
  { setup, auth }: Pick<Services, 'setup' | 'auth'>,
  config: Config,
) {
  const sessionCookie = sessionCookieName(config)

  app.addHook('onRequest', async (request, reply) => {
    if (waitsForNoSetup(request) || (await setup.isSetUp())) return
    return reply.redirect(paths.setup.start(), request.method === 'GET' ? 302 : 303)
  })

  // Printed, never logged: the log may be shipped elsewhere, and the code is a key to the empty service.
  app.addHook('onListen', async () => {
    const code = await setup.issueCode()
    if (code) {
      console.log(
        `\nSafer is not set up yet. Open ${paths.setup.start()} in a browser and enter this one-time setup code:\n\n  ${code}\n`,
      )
      console.log('Or set it up at the command line: safer setup --help\n')
    }
  })

  const render = (data: Record<string, unknown>) => ({
    pageTitle: 'Set up Safer for your partnership',
    ...data,
  })

  app.get(paths.setup.start(), { config: { permission: 'public' } }, async (_request, reply) => {
    if (await setup.isSetUp()) return reply.redirect(corePaths.home())
    return reply.page(TEMPLATE, render({ values: {} }))
  })

  app.post(
    paths.setup.start(),
    { config: { permission: 'public', rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      if (await setup.isSetUp()) return reply.redirect(corePaths.home(), 303)
      const body = formBody(request.body)
      const { password: _, ...kept } = body
      const rerender = (errors: Record<string, string>) =>
        reply.code(400).page(TEMPLATE, render({ errors, values: kept }))
      if (!setup.checkCode(String(body.code ?? ''))) return rerender({ code: WRONG_CODE })
      const actor = { userId: null, label: 'setup (one-time code)', ip: request.ip ?? null }
      let email: string
      try {
        const organisations = parseOrganisationLines(String(body.organisations ?? ''))
        const done = await setup.complete(actor, { ...body, organisations })
        email = done.administrator.email
      } catch (error) {
        if (error instanceof ValidationError) return rerender(error.fieldErrors)
        if (error instanceof AlreadySetUpError) return reply.redirect(corePaths.home(), 303)
        throw error
      }
      // The administrator arrives signed in, as after any sign-in: a new session and a new CSRF secret.
      const signedIn = await auth.signIn(
        email,
        String(body.password),
        request.ip,
        request.cookies[sessionCookie],
      )
      if (!signedIn.ok) return reply.redirect(corePaths.signIn(), 303)
      reply.setCookie(sessionCookie, signedIn.sessionId, {
        ...sessionCookieOptions(config),
        maxAge: config.sessionAbsoluteHours * 3600,
      })
      rotateCsrfSecret(reply, config)
      return reply.redirect(corePaths.home(), 303)
    },
  )
}
