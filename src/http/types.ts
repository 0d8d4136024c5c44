import type { Actor } from '../access/actor.ts'
import type { CurrentUser } from '../access/current-user.ts'
import type { RoutePermission } from '../access/permissions.ts'
import type { RenderedHtml } from './rendered-html.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route must declare one: an action from the permission table, or 'public'. */
    permission?: RoutePermission
    /** Only a browser session may do this (making tokens, changing a password): never an API token. */
    sessionOnly?: boolean
    /**
     * What the route's :id names ('plan', 'deliverable'): the permission-matrix test calls the
     * route with the sample of that name that a module makes.
     */
    record?: string
  }
  interface FastifyRequest {
    user: CurrentUser | null
    /** The raw session id from the cookie, when the session is valid. */
    sessionId: string | null
    authMethod: 'session' | 'token' | null
    /** Who is acting and from where, for the audit log. */
    actor: Actor
  }
  interface FastifyReply {
    /** Renders a page inside the layout with the user, navigation, CSRF token and CSP nonce. */
    page(template: string, data?: Record<string, unknown>): FastifyReply
    /** Renders part of a page, for reply.page, with only the data given: nothing of the request, so it may be cached. */
    fragment(template: string, data?: Record<string, unknown>): RenderedHtml
  }
}
