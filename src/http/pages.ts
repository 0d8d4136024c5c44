import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type nunjucks from 'nunjucks'
import type { Link } from '../modules/module.ts'
import { navigationFor } from '../web/navigation.ts'
import { csrfTokenFor } from './csrf.ts'
import { markParts, RenderedHtml, spliceParts } from './rendered-html.ts'

/**
 * reply.page(): every page gets the signed-in user, navigation, a CSRF token and the CSP nonce. Data
 * given as RenderedHtml goes into the page as it is.
 */
export function registerPages(
  app: FastifyInstance,
  views: nunjucks.Environment,
  navigation?: readonly Link[],
) {
  app.decorateReply(
    'page',
    function page(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
      const request = this.request
      const { data: marked, parts } = markParts(data)
      const html = views.render(template, {
        ...marked,
        user: request.user,
        navigation: navigationFor(request.user, request.url.split('?')[0] ?? '/', navigation),
        csrfToken: csrfTokenFor(this),
        cspNonce: this.cspNonce?.script,
      })
      const body = spliceParts(html, parts)
      this.type('text/html; charset=utf-8')
      if (typeof body === 'string') return this.send(body)
      return this.header(
        'Content-Length',
        body.reduce((n, piece) => n + piece.length, 0),
      ).send(Readable.from(body, { objectMode: false }))
    },
  )
  // Deliberately given nothing of the request (no user, CSRF token or nonce), so what it renders
  // may be cached and shared between users; the page it goes into adds those.
  app.decorateReply(
    'fragment',
    function fragment(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
      return RenderedHtml.of(views.render(template, data))
    },
  )
}
