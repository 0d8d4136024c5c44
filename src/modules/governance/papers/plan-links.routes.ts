import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import type { FieldErrors } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import type { Who } from '../policy.ts'
import { planRecordHref } from './view.ts'

const PLAN_LINKS = 'governance/papers/views/plan-links.njk'

type Deps = Pick<Services, 'governance' | 'governancePapers'>

/** One page for tying a meeting's resolutions and actions arising to the plan. */
export function planLinkRoutes(app: FastifyInstance, { governance, governancePapers }: Deps) {
  const manage = { permission: 'governance:manage' as const }

  async function page(request: FastifyRequest, id: number, problem?: { errors: FieldErrors; form: string }) {
    const meeting = await governance.getMeeting(id)
    const choices = await governancePapers.planChoices()
    const links = await governancePapers.resolutionLinksOfMeeting(id)
    const resolutions = meeting.items.flatMap((i) =>
      i.resolutions.map((r) => ({
        value: r.id,
        text: `Item ${i.number}, resolution ${r.number}: ${r.text}`,
      })),
    )
    const actions = meeting.items.flatMap((i) =>
      i.actions.map((a) => ({ value: a.id, text: `Item ${i.number}: ${a.description}` })),
    )
    return {
      template: PLAN_LINKS,
      pageTitle: `Link to the plan: ${meeting.boardName}`,
      meeting,
      resolutions,
      actions,
      links: links.map((l) => ({ ...l, href: planRecordHref(l) })),
      targets: [
        ...choices.actions.map((a) => ({ value: `action:${a.id}`, text: `Action: ${a.text}` })),
        ...choices.deliverables.map((d) => ({
          value: `deliverable:${d.id}`,
          text: `Deliverable: ${d.text}`,
        })),
      ],
      planActions: choices.actions.map((a) => ({ value: a.id, text: a.text })),
      deliverables: choices.deliverables.map((d) => ({ value: d.id, text: d.text })),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      backLink: paths.governance.meeting(id),
    }
  }

  app.get(
    paths.governance.meetingPlanLinks(':id'),
    { config: { ...manage, record: 'meeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await page(request, id)
      return reply.page(template, data)
    },
  )

  type Act = (who: Who, id: number, body: unknown) => Promise<unknown>
  const forms: Array<[url: string, form: string, act: Act, done: string]> = [
    [
      paths.governance.meetingResolutionLinks(':id'),
      'link',
      governancePapers.linkResolution,
      'Resolution linked to the plan',
    ],
    [
      paths.governance.meetingResolutionDeliverables(':id'),
      'create',
      governancePapers.createDeliverable,
      'Deliverable added to the plan',
    ],
    [
      paths.governance.meetingActionDeliverables(':id'),
      'action',
      governancePapers.linkActionToDeliverable,
      'Action arising linked to the deliverable',
    ],
  ]
  for (const [url, form, act, done] of forms) {
    app.post(url, { config: { ...manage, record: 'meeting' } }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await governance.getMeeting(id)
      return submitForm(
        reply,
        async () => {
          await act(whoOf(request), id, request.body)
          return withNotice(paths.governance.meeting(id), done)
        },
        (problem) => page(request, id, { errors: problem.errors, form }),
      )
    })
  }
}
