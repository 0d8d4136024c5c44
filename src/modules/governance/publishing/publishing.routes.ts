import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { canManage, dayText, meetingWhen, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { MEETING_STATUS_LABELS } from '../rules/meeting-status.ts'
import { PUBLIC_STATUSES } from './public-view.ts'

const PUBLISHING = 'governance/publishing/views/publishing.njk'

/** A meeting's publishing page: whether it is on the public page and a public meeting, and the steps to change either. */
export function publishingRoutes(app: FastifyInstance, { governance }: Pick<Services, 'governance'>) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }

  async function publishingPage(
    request: FastifyRequest,
    id: number,
    problem?: FormProblem & { form: string },
  ) {
    const meeting = await governance.getMeeting(id)
    const publication = await governance.publication(id)
    return {
      template: PUBLISHING,
      pageTitle: `Publishing: ${meeting.boardName}, ${meetingWhen(meeting.startsAt)}`,
      meeting,
      when: meetingWhen(meeting.startsAt),
      statusText: MEETING_STATUS_LABELS[meeting.status],
      publication,
      publishedOn: publication.publishedAt ? dayText(publication.publishedAt.slice(0, 10)) : null,
      publishable: PUBLIC_STATUSES.includes(meeting.status),
      exemptItems: meeting.items.filter((i) => i.exempt).length,
      isPublicMeeting: await governance.isPublicMeeting(id),
      canManage: canManage(request),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
      backLink: paths.governance.meeting(id),
    }
  }

  app.get(
    '/governance/meetings/:id/publishing',
    { config: { ...view, record: 'meeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await publishingPage(request, id)
      return reply.page(template, data)
    },
  )

  const steps: Array<
    [string, string, (w: ReturnType<typeof whoOf>, id: number, body: unknown) => Promise<void>, string]
  > = [
    ['publish', 'publish', governance.publishMeeting, 'Published to the public page'],
    ['withdraw', 'withdraw', governance.withdrawMeeting, 'Withdrawn from the public page'],
    ['public-meeting', 'publicMeeting', governance.setPublicMeeting, 'Public meeting changed'],
  ]
  for (const [part, form, act, done] of steps) {
    app.post(
      `/governance/meetings/:id/${part}`,
      { config: { ...manage, record: 'meeting' } },
      async (request, reply) => {
        const { id } = parseInput(idParams, request.params)
        await governance.getMeeting(id)
        return submitForm(
          reply,
          async () => {
            await act(whoOf(request), id, request.body)
            return withNotice(paths.governance.meetingPublishing(id), done)
          },
          (problem) => publishingPage(request, id, { ...problem, form }),
        )
      },
    )
  }
}
