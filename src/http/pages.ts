import type { FastifyInstance, FastifyReply } from 'fastify'
import type nunjucks from 'nunjucks'
import type { Link } from '../modules/module.ts'
import { navigationFor } from '../web/navigation.ts'
import { csrfTokenFor } from './csrf.ts'

/** reply.page(): every page gets the signed-in user, navigation, a CSRF token and the CSP nonce. */
export function registerPages(app: FastifyInstance, views: nunjucks.Environment, navigation?: readonly Link[]) {
  app.decorateReply('page', function page(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    const request = this.request
    const html = views.render(template, {
      ...data,
      user: request.user,
      navigation: navigationFor(request.user, request.url.split('?')[0] ?? '/', navigation),
      csrfToken: csrfTokenFor(this),
      cspNonce: this.cspNonce?.script,
    })
    return this.type('text/html; charset=utf-8').send(html)
  })
}
