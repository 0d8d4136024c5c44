import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, meetingWhen, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { planRecordHref } from './view.ts'

const MY_ACTIONS = 'governance/papers/views/my-actions-arising.njk'

/** "My actions arising": the signed-in user's own, beside the plans module's "My actions". */
export function myActionsArisingRoutes(
  app: FastifyInstance,
  { governance, governancePapers }: Pick<Services, 'governance' | 'governancePapers'>,
) {
  const view = { permission: 'governance:view' as const }

  async function page(request: FastifyRequest, errors?: FieldErrors) {
    // Only an administrator's link makes a user the person who owns an action; a matching name does not.
    const personId = request.user?.personId ?? null
    const actions = personId === null ? [] : await governancePapers.actionsArisingOwnedBy(personId)
    return {
      template: MY_ACTIONS,
      pageTitle: 'My actions arising',
      linked: personId !== null,
      actions: actions.map((a) => ({
        ...a,
        due: dayText(a.dueDate),
        meetingWhen: meetingWhen(a.meetingStartsAt),
        deliverableHref: a.deliverable ? planRecordHref(a.deliverable) : null,
      })),
      openCount: actions.filter((a) => a.status === 'open').length,
      overdueCount: actions.filter((a) => a.overdue).length,
      errors,
      notice: noticeOf(request),
    }
  }

  app.get(paths.governance.myActionsArising(), { config: view }, async (request, reply) => {
    const { template, ...data } = await page(request)
    return reply.page(template, data)
  })

  app.post(
    paths.governance.myActionArisingStatus(':id'),
    { config: { ...view, record: 'actionArising' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return submitForm(
        reply,
        async () => {
          await governance.setOwnActionStatus(
            whoOf(request),
            request.user?.personId ?? null,
            id,
            request.body,
          )
          return withNotice(paths.governance.myActionsArising(), 'Action arising updated')
        },
        (problem) => page(request, problem.errors),
      )
    },
  )
}
