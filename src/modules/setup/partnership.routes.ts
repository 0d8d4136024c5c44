import type { FastifyInstance } from 'fastify'
import { formBody, submitForm, withNotice } from '../../web/forms.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'

const TEMPLATE = 'setup/views/partnership.njk'

/** The partnership's name and area, as setup left them, for an administrator to change. */
export function partnershipRoutes(
  app: FastifyInstance,
  { setup, partners }: Pick<Services, 'setup' | 'partners'>,
) {
  const manage = { permission: 'partnership:manage' as const }

  app.get(paths.setup.partnership(), { config: manage }, async (request, reply) => {
    const partnership = await partners.getPartnership()
    const values = partnership
      ? { partnershipName: partnership.name, areaCode: partnership.areaCode, version: partnership.version }
      : {}
    return reply.page(TEMPLATE, {
      pageTitle: 'Your partnership',
      partnership,
      values,
      notice: (request.query as { notice?: string }).notice,
    })
  })

  app.post(paths.setup.partnership(), { config: manage }, async (request, reply) => {
    const partnership = await partners.getPartnership()
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        await setup.updatePartnership(request.actor, request.body)
        return withNotice(paths.setup.partnership(), 'Partnership saved')
      },
      ({ errors, current }) => ({
        template: TEMPLATE,
        pageTitle: 'Your partnership',
        partnership,
        // After a conflict the next save is made knowingly over the stored version.
        values: { ...body, version: current && partnership ? partnership.version : body.version },
        current,
        errors,
      }),
    )
  })
}
