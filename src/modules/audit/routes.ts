import type { FastifyInstance } from 'fastify'
import { ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'
import { auditRead } from './read-audit.ts'
import { auditQuery, toFilter } from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

/** Administrators search the audit log. Reading it is audited too: it shows who did what to whom. */
export function auditRoutes(app: FastifyInstance, { audit }: Pick<Services, 'audit'>) {
  app.get(paths.admin.audit(), { config: { permission: 'audit:view' } }, async (request, reply) => {
    const raw = request.query as Record<string, string>
    const actionItems = (await audit.actions()).map((a) => ({ value: a, text: a }))
    try {
      const query = parseInput(auditQuery, raw)
      const result = await audit.search(toFilter(query), query.page)
      await auditRead(audit, sensitiveReads, request, { what: 'audit', filter: query })
      const params = new URLSearchParams(Object.entries(raw).filter(([k, v]) => k !== 'page' && v))
      return reply.page('audit/views/audit.njk', {
        pageTitle: 'Audit log',
        values: raw,
        actionItems,
        result,
        pageLink: (n: number) =>
          `${paths.admin.audit()}?${new URLSearchParams([...params, ['page', String(n)]])}`,
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page('audit/views/audit.njk', {
        pageTitle: 'Audit log',
        values: raw,
        actionItems,
        errors: error.fieldErrors,
      })
    }
  })
}
