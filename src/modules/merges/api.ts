import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Services } from '../module.ts'
import type { MergeKind } from './merge.service.ts'

const intoBody = z.object({ into: z.number().int().positive() })
const intoQuery = z.object({ into: z.coerce.number().int().positive() })

export function mergesApi(api: ApiRegistry, { merges }: Pick<Services, 'merges'>) {
  for (const kind of ['person', 'organisation'] as const satisfies MergeKind[]) {
    const url = kind === 'person' ? '/people/:id/merge' : '/organisations/:id/merge'
    const permission = kind === 'person' ? ('people:merge' as const) : ('organisations:merge' as const)
    const noun = kind === 'person' ? 'person' : 'organisation'
    api.add({
      method: 'GET',
      url,
      record: kind,
      permission,
      tag: 'Partners',
      summary: `What merging this ${noun} into another (?into=ID) would move, and why it would be refused if it would`,
      params: idParams,
      query: intoQuery,
      handler: async ({ params, query }) => merges.preview(kind, params.id, query.into),
    })
    api.add({
      method: 'POST',
      url,
      record: kind,
      permission,
      tag: 'Partners',
      summary: `Merge this ${noun} into another ({into: ID}): every reference moves, the old id leads to the survivor (audited)`,
      params: idParams,
      body: intoBody,
      handler: async ({ request, params, body }) =>
        merges.merge(request.actor, kind, params.id, parseInput(intoBody, body).into),
    })
  }
}
