import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../http/api.ts'
import { ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import { formBody, withNotice } from '../../web/forms.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { paths as partnerPaths } from '../partners/paths.ts'
import { survivorChoices } from './candidates.ts'
import type { MergeKind } from './merge.service.ts'
import { paths } from './paths.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const PAGE = 'merges/views/merge.njk'
const intoQuery = z.object({ into: z.coerce.number().int().positive().optional().catch(undefined) })

const WORDS = {
  person: {
    one: 'person',
    record: partnerPaths.admin.person,
    list: partnerPaths.admin.people,
    merge: paths.merges.person,
  },
  organisation: {
    one: 'organisation',
    record: partnerPaths.admin.organisation,
    list: partnerPaths.admin.organisations,
    merge: paths.merges.organisation,
  },
} as const

/** Administrators' merge pages: choose the survivor, see what will move, confirm. */
export function mergeRoutes(
  app: FastifyInstance,
  { merges, partners, audit }: Pick<Services, 'merges' | 'partners' | 'audit'>,
) {
  async function choices(kind: MergeKind, id: number, selected: number | null) {
    const records = kind === 'person' ? await partners.listPeople() : await partners.listOrganisations()
    const duplicate = records.find((r) => r.id === id)
    if (!duplicate)
      return {
        duplicate: kind === 'person' ? await partners.getPerson(id) : await partners.getOrganisation(id),
        items: [],
      }
    return { duplicate, items: survivorChoices(duplicate, records, selected) }
  }

  async function render(
    reply: FastifyReply,
    status: number,
    kind: MergeKind,
    id: number,
    into: number | null,
    errors?: Record<string, string>,
  ) {
    const words = WORDS[kind]
    const { duplicate, items } = await choices(kind, id, into)
    let preview = null
    if (into !== null && !errors) {
      try {
        preview = await merges.preview(kind, id, into)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        errors = error.fieldErrors
      }
    }
    return reply.code(status).page(PAGE, {
      pageTitle: `Merge ${duplicate.name} into another ${words.one}`,
      kind,
      words: { one: words.one },
      duplicate,
      items,
      into,
      preview,
      errors,
      action: words.merge(id),
      backLink: words.record(id),
    })
  }

  for (const kind of ['person', 'organisation'] as const) {
    const config = {
      permission: kind === 'person' ? ('people:merge' as const) : ('organisations:merge' as const),
      record: kind,
    }
    const url = kind === 'person' ? '/admin/people/:id/merge' : '/admin/organisations/:id/merge'
    app.get(url, { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { into } = intoQuery.parse(request.query ?? {})
      // The page lists every person to choose from: a read of the people list, audited as one.
      if (kind === 'person')
        await auditRead(audit, sensitiveReads, request, {
          what: 'people',
          filter: { mergeInto: into ? String(into) : undefined },
        })
      return render(reply, 200, kind, id, into ?? null)
    })
    app.post(url, { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const body = formBody(request.body)
      const into = Number(body.into)
      if (!Number.isInteger(into) || into <= 0)
        return render(reply, 400, kind, id, null, { into: `Choose the ${WORDS[kind].one} to keep` })
      try {
        const done = await merges.merge(request.actor, kind, id, into)
        return reply.redirect(
          withNotice(WORDS[kind].record(into), `${done.from.name} merged into ${done.into.name}`),
          303,
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return render(reply, 400, kind, id, into, error.fieldErrors)
      }
    })
  }
}
