import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { sessionCookieName, sessionCookieOptions } from '../../http/cookies.ts'
import { rotateCsrfSecret } from '../../http/csrf.ts'
import { safeReturnPath } from '../../http/return-path.ts'
import { ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { formBody } from '../../web/forms.ts'
import { paths } from '../../web/paths.ts'
import type { Services } from '../module.ts'
import { signInInput } from './schema.ts'
import { LOCKOUT_MINUTES } from './service.ts'

const TEMPLATE = 'auth/views/sign-in.njk'
// One message for a wrong email and a wrong password, so neither reveals whether an account exists.
const WRONG_DETAILS = 'Enter a correct email address and password'
const LOCKED = `There have been too many attempts to sign in with this email address. Wait ${LOCKOUT_MINUTES} minutes and try again.`

export function signInRoutes(app: FastifyInstance, { auth }: Pick<Services, 'auth'>, config: Config) {
  const sessionCookie = sessionCookieName(config)
  app.get('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>
    if (request.user) return reply.redirect(safeReturnPath(query.returnTo))
    return reply.page(TEMPLATE, {
      pageTitle: 'Sign in',
      returnTo: safeReturnPath(query.returnTo),
      notice: query.signedOut ? 'You have signed out' : undefined,
    })
  })

  app.post(
    '/sign-in',
    { config: { permission: 'public', rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = formBody(request.body)
      const returnTo = safeReturnPath(body.returnTo)
      const rerender = (status: number, errors: Record<string, string>) =>
        reply
          .code(status)
          .page(TEMPLATE, { pageTitle: 'Sign in', errors, values: { email: body.email }, returnTo })
      let input: { email: string; password: string }
      try {
        input = parseInput(signInInput, body)
      } catch (error) {
        if (error instanceof ValidationError) return rerender(400, error.fieldErrors)
        throw error
      }
      const result = await auth.signIn(
        input.email,
        input.password,
        request.ip,
        request.cookies[sessionCookie],
      )
      if (!result.ok)
        return rerender(401, result.reason === 'locked' ? { email: LOCKED } : { email: WRONG_DETAILS })
      reply.setCookie(sessionCookie, result.sessionId, {
        ...sessionCookieOptions(config),
        maxAge: config.sessionAbsoluteHours * 3600,
      })
      rotateCsrfSecret(reply, config)
      return reply.redirect(returnTo, 303)
    },
  )

  app.post('/sign-out', { config: { permission: 'account:manage' } }, async (request, reply) => {
    if (request.sessionId) await auth.signOut(request.sessionId, request.actor)
    // With the attributes it was set with: a browser ignores a __Host- cookie sent without Secure.
    reply.clearCookie(sessionCookie, sessionCookieOptions(config))
    rotateCsrfSecret(reply, config)
    return reply.redirect(`${paths.signIn()}?signedOut=1`, 303)
  })
}
