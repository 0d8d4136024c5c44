import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { DECISION_STATUS_LABELS } from '../decisions/rules/statuses.ts'
import { papersOnPage } from '../papers/view.ts'
import { paths } from '../paths.ts'
import { hasTakenPlace, MEETING_STATUS_LABELS } from '../rules/meeting-status.ts'
import { resolvedHeading } from '../rules/resolutions.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { canManage, dayText, meetingWhen, noticeOf, whoOf } from './common.ts'

const MEETING = 'governance/views/meeting.njk'

export function meetingRoutes(
  app: FastifyInstance,
  {
    governance,
    partners,
    audit,
    governancePapers,
    boardPacks,
  }: Pick<Services, 'governance' | 'partners' | 'audit' | 'governancePapers' | 'boardPacks'>,
) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }

  async function meetingPage(request: FastifyRequest, id: number, problem?: FormProblem & { form: string }) {
    const meeting = await governance.getMeeting(id)
    const today = londonToday()
    const manager = canManage(request)
    const action = <T extends { dueDate: string | null; status: string }>(a: T) => ({
      ...a,
      due: dayText(a.dueDate),
      overdue: a.status === 'open' && a.dueDate !== null && a.dueDate < today,
    })
    return {
      template: MEETING,
      pageTitle: `${meeting.boardName}: ${meetingWhen(meeting.startsAt)}`,
      meeting,
      when: meetingWhen(meeting.startsAt),
      statusText: MEETING_STATUS_LABELS[meeting.status],
      statusItems: meeting.nextStatuses.map((s) => ({ value: s, text: MEETING_STATUS_LABELS[s] })),
      items: meeting.items.map((i) => ({
        ...i,
        resolvedHeading: resolvedHeading(i.resolutions.map((r) => r.number)),
        actions: i.actions.map(action),
      })),
      mattersArising: meeting.mattersArising.map((a) => ({
        ...action(a),
        meetingWhen: meetingWhen(a.meetingStartsAt),
      })),
      minutesOpen: hasTakenPlace(meeting.status) && meeting.status !== 'minutes-approved',
      canManage: manager,
      // The lists of people and organisations fill the managers' forms only.
      people: manager ? (await partners.listPeople()).map((p) => ({ value: p.id, text: p.name })) : [],
      organisations: manager
        ? (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name }))
        : [],
      itemChoices: meeting.items.map((i) => ({ value: i.id, text: `Item ${i.number}: ${i.title}` })),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
      backLink: paths.governance.board(meeting.boardId),
      ...(await papersOnPage(governancePapers, meeting)),
      boardPack: await boardPacks.meetingPacks(id),
      decisions: (await governance.decisionsOfMeeting(id)).map((d) => ({
        ...d,
        when: dayText(d.decisionDate),
        statusText: DECISION_STATUS_LABELS[d.status],
      })),
    }
  }

  app.get('/governance/meetings/:id', { config: { ...view, record: 'meeting' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { template, ...data } = await meetingPage(request, id)
    await auditRead(audit, sensitiveReads, request, { what: 'meeting', entityId: id })
    return reply.page(template, data)
  })

  // Each of the page's forms: the service call, and the notice shown once it is done.
  type Act = (who: ReturnType<typeof whoOf>, id: number, body: unknown) => Promise<unknown>
  const forms: Array<[part: string, form: string, act: Act, done: (result: unknown) => string]> = [
    ['status', 'status', governance.changeStatus, () => 'Status changed'],
    ['attendance', 'attendance', governance.recordAttendance, () => 'Attendance recorded'],
    ['items', 'item', governance.addItem, () => 'Item added to the agenda'],
    ['minutes', 'minutes', governance.recordMinutes, () => 'Minutes saved'],
    ['resolutions', 'resolution', governance.addResolution, (number) => `Resolution ${number} recorded`],
    ['actions', 'action', governance.addAction, () => 'Action arising recorded'],
  ]
  for (const [part, form, act, done] of forms) {
    app.post(
      `/governance/meetings/:id/${part}`,
      { config: { ...manage, record: 'meeting' } },
      async (request, reply) => {
        const { id } = parseInput(idParams, request.params)
        await governance.getMeeting(id)
        return submitForm(
          reply,
          async () =>
            withNotice(paths.governance.meeting(id), done(await act(whoOf(request), id, request.body))),
          (problem) => meetingPage(request, id, { ...problem, form }),
        )
      },
    )
  }

  app.post(
    '/governance/actions/:id/status',
    { config: { ...manage, record: 'actionArising' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const action = await governance.getAction(id)
      const back = formBody(request.body).meetingId
      const target = /^\d+$/.test(back ?? '') ? Number(back) : action.meetingId
      return submitForm(
        reply,
        async () => {
          await governance.setActionStatus(whoOf(request), id, request.body)
          return withNotice(paths.governance.meeting(target), 'Action updated')
        },
        (problem) => meetingPage(request, target, { ...problem, form: 'actionStatus' }),
      )
    },
  )
}
