import { z } from 'zod'
import { API_PREFIX, type ApiRegistry } from './api.ts'

const problem = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return rest
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return []
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }))
}

/** OpenAPI 3.1, generated from the same zod schemas that validate each request. */
export function openApiDocument(registry: ApiRegistry) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of registry.routes) {
    const path = API_PREFIX + route.url.replace(/:(\w+)/g, '{$1}')
    paths[path] ??= {}
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      'x-permission': route.permission,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: {
            'application/json': route.response ? { schema: jsonSchema(route.response, 'output') } : {},
          },
        },
        '400': problem,
        '401': problem,
        '403': problem,
        ...(route.url.includes(':') ? { '404': problem } : {}),
        ...(route.method === 'PUT' || route.method === 'PATCH' ? { '409': problem } : {}),
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Safer API',
      version: '1',
      description:
        'Community Safety Partnership platform. Authenticate with a personal API token: Authorization: Bearer safer_…',
    },
    servers: [{ url: '/' }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token created on your account page',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'safer_session',
          description: 'Browser session; writes also need an x-csrf-token header',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'object', additionalProperties: { type: 'string' } },
            current: { description: 'On 409: the record as it is stored now' },
          },
        },
      },
    },
  }
}
