import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../http/api.ts'
import { ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../web/forms.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'
import { DEFAULT_TOKEN_DAYS, newTokenInput, TOKEN_DAYS } from './schema.ts'

const ACCOUNT = 'auth/views/account.njk'
const PASSWORD = 'auth/views/change-password.njk'

/** The signed-in person's own account: password and personal API tokens. */
export function accountRoutes(app: FastifyInstance, { auth, users }: Pick<Services, 'auth' | 'users'>) {
  const config = { permission: 'account:manage' as const }
  // Making tokens and changing the password need the person at a browser, never a token (ADR 0009).
  const sessionOnly = { ...config, sessionOnly: true }
  const expiryItems = (chosen: unknown) =>
    TOKEN_DAYS.map((days) => ({
      value: String(days),
      text: days === 365 ? '1 year' : `${days} days`,
      checked: String(chosen) === String(days),
    }))

  async function accountPage(request: FastifyRequest, extra: Record<string, unknown> = {}) {
    const user = request.user
    if (!user) throw new Error('account pages need a signed-in user')
    return {
      pageTitle: 'Your account',
      tokens: await auth.listTokens(user),
      expiryItems: expiryItems(
        (extra.values as { expiresInDays?: string } | undefined)?.expiresInDays ?? DEFAULT_TOKEN_DAYS,
      ),
      notice: (request.query as { notice?: string }).notice,
      ...extra,
    }
  }

  app.get(paths.account.show(), { config }, async (request, reply) =>
    reply.page(ACCOUNT, await accountPage(request)),
  )

  app.post(paths.account.tokens(), { config: sessionOnly }, async (request, reply) => {
    const user = request.user
    if (!user) throw new Error('account pages need a signed-in user')
    const body = formBody(request.body)
    try {
      const { name, expiresInDays } = parseInput(newTokenInput, body)
      const { token, expiresAt } = await auth.createToken(user, name, request.actor, expiresInDays)
      // Shown once, in the response to the form: never stored or shown again.
      return reply
        .code(201)
        .page(ACCOUNT, await accountPage(request, { newToken: { name, token, expiresAt } }))
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply
        .code(400)
        .page(ACCOUNT, await accountPage(request, { errors: error.fieldErrors, values: body }))
    }
  })

  app.post(
    '/account/tokens/:id/revoke',
    { config: { ...sessionOnly, record: 'token' } },
    async (request, reply) => {
      const user = request.user
      if (!user) throw new Error('account pages need a signed-in user')
      const { id } = parseInput(idParams, request.params)
      const revoked = await auth.revokeToken(user, id, request.actor)
      return reply.redirect(
        withNotice(paths.account.show(), revoked ? 'Token revoked' : 'That token was already revoked'),
        303,
      )
    },
  )

  app.get(paths.account.password(), { config }, async (_request, reply) =>
    reply.page(PASSWORD, { pageTitle: 'Change your password', backLink: paths.account.show() }),
  )

  app.post(paths.account.password(), { config: sessionOnly }, async (request, reply) => {
    const user = request.user
    if (!user) throw new Error('account pages need a signed-in user')
    return submitForm(
      reply,
      async () => {
        const { tokensRevoked } = await users.changeOwnPassword(
          request.actor,
          user,
          request.body,
          request.sessionId,
        )
        const tokens = tokensRevoked ? ' and your API tokens revoked' : ''
        return withNotice(
          paths.account.show(),
          `Your password has been changed. You have been signed out everywhere else${tokens}.`,
        )
      },
      ({ errors }) => ({
        template: PASSWORD,
        pageTitle: 'Change your password',
        backLink: paths.account.show(),
        errors,
      }),
    )
  })
}
