import type { ApiRegistry } from '../../http/api.ts'
import type { Services } from '../module.ts'
import { auditRead } from './read-audit.ts'
import { auditQuery, toFilter } from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'

/** Administrators' scripts search the audit log; reading it is audited, as on the page. */
export function auditApi(api: ApiRegistry, { audit }: Pick<Services, 'audit'>) {
  api.add({
    method: 'GET',
    url: '/audit',
    permission: 'audit:view',
    tag: 'Audit',
    summary: 'Search the audit log, newest first',
    query: auditQuery,
    handler: async ({ request, query }) => {
      const result = await audit.search(toFilter(query), query.page)
      await auditRead(audit, sensitiveReads, request, { what: 'audit', filter: query })
      return { ...result, rows: result.rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) })) }
    },
  })
}
