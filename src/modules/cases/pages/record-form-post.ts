import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { submitForm, withNotice } from '../../../web/forms.ts'

/**
 * The forms on one case record's page (Channel's, MASE's): each posts, acts through the service, and
 * goes back to the page at its section with a notice, or shows the page again with the problems.
 */
export function recordFormPoster(
  app: FastifyInstance,
  record: {
    /** The record the route reads, for the read audit (the route's config). */
    name: string
    template: string
    page: (request: FastifyRequest, id: number, errors?: FieldErrors) => Promise<object>
    pathOf: (id: number) => string
  },
) {
  const config = { permission: 'cases:view' as const, record: record.name }
  return (
    url: string,
    act: (request: FastifyRequest, id: number) => Promise<unknown>,
    notice: string,
    anchor: string,
  ) =>
    app.post(url, { config }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return submitForm(
        reply,
        async () => {
          await act(request, id)
          return `${withNotice(record.pathOf(id), notice)}#${anchor}`
        },
        async ({ errors }) => ({ template: record.template, ...(await record.page(request, id, errors)) }),
      )
    })
}
