import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { whoOf } from '../pages/common.ts'
import { packSensitiveReads } from './sensitive-reads.ts'

const TAG = 'Governance'
const version = z.object({
  id: z.number(),
  meetingId: z.number(),
  number: z.number().describe('1, 2, 3 … within the meeting'),
  madeAt: z.string().describe('ISO time'),
  madeBy: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  circulatedAt: z.string().nullable(),
  circulatedBy: z.string().nullable(),
})

export function packApi(api: ApiRegistry, { boardPacks, audit }: Pick<Services, 'boardPacks' | 'audit'>) {
  api.add({
    method: 'GET',
    url: '/meetings/:id/packs',
    record: 'meeting',
    permission: 'governance:view',
    tag: TAG,
    summary: 'The versions of a meeting’s board pack, newest first, and the latest one circulated',
    params: idParams,
    response: z.object({ versions: z.array(version), circulated: version.nullable() }),
    handler: async ({ params }) => boardPacks.meetingPacks(params.id),
  })
  api.add({
    method: 'POST',
    url: '/meetings/:id/packs',
    record: 'meeting',
    permission: 'governance:manage',
    tag: TAG,
    summary: 'Make the next version of the meeting’s board pack from live data and keep it',
    params: idParams,
    status: 201,
    response: version,
    handler: async ({ request, params }) => boardPacks.build(whoOf(request), params.id),
  })
  api.add({
    method: 'GET',
    url: '/packs/:id',
    record: 'boardPack',
    permission: 'governance:view',
    tag: TAG,
    summary: 'One version of a board pack as the Word document it was made as (each download is audited)',
    params: idParams,
    handler: async ({ request, reply, params }) => {
      const file = await boardPacks.packFile(params.id)
      await auditRead(audit, packSensitiveReads, request, { what: 'board-pack', entityId: params.id })
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content)
    },
  })
  api.add({
    method: 'POST',
    url: '/packs/:id/circulated',
    record: 'boardPack',
    permission: 'governance:manage',
    tag: TAG,
    summary: 'Mark a version of a board pack as the one circulated (400 when it already is)',
    params: idParams,
    response: version,
    handler: async ({ request, params }) => boardPacks.markCirculated(whoOf(request), params.id),
  })
  api.add({
    method: 'GET',
    url: '/strategies/:id/annual-report',
    record: 'strategy',
    permission: 'governance:view',
    tag: TAG,
    summary:
      'The annual report on a strategy as Word: priorities with their indicators, plans’ RAG by theme, the year’s decisions',
    params: idParams,
    query: z.object({ year: z.string().regex(/^\d{4}$/, 'year is four digits, like 2026') }),
    handler: async ({ request, reply, params, query }) => {
      const file = await boardPacks.annualReport(request.actor, params.id, query.year)
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content)
    },
  })
}
