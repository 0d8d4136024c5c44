import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Action } from '../access/permissions.ts'
import { idDigits, parseInput } from '../shared/validation.ts'

export const API_PREFIX = '/api/v1'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface ApiContext<P, Q> {
  request: FastifyRequest
  reply: FastifyReply
  params: P
  query: Q
  body: unknown
}

export interface ApiRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: Method
  /** Relative to /api/v1, in Fastify form: /organisations/:id */
  url: string
  permission: Action
  /** What the :id in the url names ('plan'): the permission-matrix test calls the route with that sample. */
  record?: string
  summary: string
  tag: string
  params?: P
  query?: Q
  /** The schema the service validates with; documented here, enforced there. */
  body?: z.ZodType
  status?: number
  /** The answer's shape, for the OpenAPI document (not checked at run time). */
  response?: z.ZodType
  /** Bytes this route accepts, where it must take more than the app-wide limit (a file upload). */
  bodyLimit?: number
  handler(ctx: ApiContext<z.output<P>, z.output<Q>>): Promise<unknown>
}

export const idParams = z.object({ id: idDigits('Must be a whole number') })

/** Collects each module's API routes so that one list both registers them and documents them. */
export class ApiRegistry {
  readonly routes: ApiRoute[] = []

  add<P extends z.ZodType, Q extends z.ZodType>(route: ApiRoute<P, Q>) {
    this.routes.push(route as unknown as ApiRoute)
  }

  mount(app: FastifyInstance) {
    for (const route of this.routes) {
      app.route({
        method: route.method,
        url: API_PREFIX + route.url,
        config: { permission: route.permission, record: route.record },
        ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
        handler: async (request, reply) => {
          const params = route.params ? parseInput(route.params, request.params) : {}
          const query = route.query ? parseInput(route.query, request.query) : {}
          const result = await route.handler({ request, reply, params, query, body: request.body ?? {} })
          if (reply.sent) return reply
          return reply.code(route.status ?? 200).send(result ?? {})
        },
      })
    }
  }
}
