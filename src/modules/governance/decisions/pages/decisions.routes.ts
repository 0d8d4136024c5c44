import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../../http/api.ts'
import { ValidationError } from '../../../../shared/errors.ts'
import { londonToday } from '../../../../shared/london-day.ts'
import { parseInput } from '../../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../../web/forms.ts'
import type { Services } from '../../../module.ts'
import { canManage, dayText, meetingWhen, noticeOf, whoOf } from '../../pages/common.ts'
import { paths } from '../../paths.ts'
import type { DecisionRecord } from '../records.ts'
import { KEY_DECISION_NOTICE_CLEAR_DAYS } from '../rules/notice.ts'
import { DECISION_STATUS_LABELS, DECISION_STATUSES } from '../rules/statuses.ts'
import { type RegisterFilters, registerFilters } from '../schema.ts'

const REGISTER = 'governance/decisions/views/register.njk'
const DECISION = 'governance/decisions/views/decision.njk'
const DECISION_FORM = 'governance/decisions/views/decision-form.njk'
const FORWARD_PLAN = 'governance/decisions/views/forward-plan.njk'

const statusItems = DECISION_STATUSES.map((s) => ({ value: s, text: DECISION_STATUS_LABELS[s] }))

/** The decisions register and each decision's page, the form recording one, and the forward plan. */
export function decisionRoutes(app: FastifyInstance, { governance }: Pick<Services, 'governance'>) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }
  const boardItems = async () => (await governance.listBoards()).map((b) => ({ value: b.id, text: b.name }))
  const meetingItems = async () =>
    (await governance.listMeetings()).map((m) => ({
      value: m.id,
      text: `${m.boardName}: ${meetingWhen(m.startsAt)}`,
    }))
  const row = (d: DecisionRecord) => ({
    ...d,
    when: dayText(d.decisionDate),
    statusText: DECISION_STATUS_LABELS[d.status],
  })

  app.get(paths.governance.decisions(), { config: view }, async (request, reply) => {
    const query = formBody(request.query)
    let filters: Partial<RegisterFilters> = {}
    let errors: Record<string, string> | undefined
    try {
      filters = parseInput(registerFilters, query)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      errors = error.fieldErrors
    }
    const decisions = await governance.listDecisions(filters)
    return reply.code(errors ? 400 : 200).page(REGISTER, {
      pageTitle: 'Decisions register',
      decisions: decisions.map(row),
      filtered: Object.values(filters).some((v) => v !== undefined),
      values: query,
      errors,
      boards: await boardItems(),
      callInDays: governance.callInWorkingDays,
      canManage: canManage(request),
      notice: noticeOf(request),
    })
  })

  const decisionForm = async (values: Record<string, unknown>, errors?: Record<string, string>) => ({
    template: DECISION_FORM,
    pageTitle: 'Record a decision',
    values,
    errors,
    statusItems,
    boards: await boardItems(),
    meetings: await meetingItems(),
    callInDays: governance.callInWorkingDays,
    backLink: paths.governance.decisions(),
  })

  app.get(paths.governance.newDecision(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await decisionForm({ status: 'approved', decisionDate: londonToday() })
    return reply.page(template, data)
  })

  app.post(paths.governance.decisions(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        const id = await governance.recordDecision(whoOf(request), request.body)
        return withNotice(paths.governance.decision(id), 'Decision recorded')
      },
      ({ errors }) => decisionForm(formBody(request.body), errors),
    ),
  )

  async function decisionPage(request: FastifyRequest, id: number, errors?: Record<string, string>) {
    const decision = await governance.getDecision(id)
    return {
      template: DECISION,
      pageTitle: `${decision.reference}: ${decision.title}`,
      decision: row(decision),
      dates: {
        publication: dayText(decision.publicationDate),
        deadline: dayText(decision.callInDeadline),
        effect: dayText(decision.takesEffectOn),
        meeting: decision.meetingStartsAt ? meetingWhen(decision.meetingStartsAt) : '',
      },
      callInDays: governance.callInWorkingDays,
      statusItems: statusItems.filter((s) => s.value !== decision.status),
      canManage: canManage(request),
      errors,
      notice: noticeOf(request),
      backLink: paths.governance.decisions(),
    }
  }

  app.get(
    '/governance/decisions/:id',
    { config: { ...view, record: 'decision' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await decisionPage(request, id)
      return reply.page(template, data)
    },
  )

  app.post(
    '/governance/decisions/:id/status',
    { config: { ...manage, record: 'decision' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await governance.getDecision(id)
      return submitForm(
        reply,
        async () => {
          await governance.changeDecisionStatus(whoOf(request), id, request.body)
          return withNotice(paths.governance.decision(id), 'Status changed')
        },
        ({ errors }) => decisionPage(request, id, errors),
      )
    },
  )

  async function forwardPlanPage(
    request: FastifyRequest,
    values: Record<string, unknown> = {},
    errors?: Record<string, string>,
  ) {
    const manager = canManage(request)
    const today = londonToday()
    return {
      template: FORWARD_PLAN,
      pageTitle: 'Forward plan',
      items: (await governance.listForwardPlan(today)).map((i) => ({
        ...i,
        when: i.meetingStartsAt ? meetingWhen(i.meetingStartsAt) : dayText(i.decisionDate),
        noticeGiven: dayText(i.noticeDate),
      })),
      noticeDays: KEY_DECISION_NOTICE_CLEAR_DAYS,
      canManage: manager,
      boards: manager ? await boardItems() : [],
      meetings: manager
        ? (await governance.listMeetings())
            .filter((m) => m.startsAt.slice(0, 10) > today && m.status !== 'cancelled')
            .map((m) => ({ value: m.id, text: `${m.boardName}: ${meetingWhen(m.startsAt)}` }))
        : [],
      values,
      errors,
      notice: noticeOf(request),
    }
  }

  app.get(paths.governance.forwardPlan(), { config: view }, async (request, reply) => {
    const { template, ...data } = await forwardPlanPage(request)
    return reply.page(template, data)
  })

  app.post(paths.governance.forwardPlan(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        await governance.addForwardPlanItem(whoOf(request), request.body)
        return withNotice(paths.governance.forwardPlan(), 'Added to the forward plan')
      },
      ({ errors }) => forwardPlanPage(request, formBody(request.body), errors),
    ),
  )
}
