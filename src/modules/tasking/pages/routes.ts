import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import { auditRead } from '../../audit/read-audit.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { TASKING_STATUS_LABELS, TASKING_STATUSES } from '../rules/carry-over.ts'
import { sensitiveReads } from '../sensitive-reads.ts'
import { pointRoutes } from './point.routes.ts'
import { taskingFormPage } from './tasking-form.ts'
import { canManage, dayText, meetingView, monthText, noticeOf, STATUS_TAGS, whoOf } from './view.ts'

const MEETINGS = 'tasking/views/meetings.njk'
const MEETING = 'tasking/views/meeting.njk'
const SETTINGS = 'tasking/views/settings.njk'

export function taskingRoutes(
  app: FastifyInstance,
  { tasking, partners, audit }: Pick<Services, 'tasking' | 'partners' | 'audit'>,
) {
  const view = { permission: 'tasking:view' as const }
  const manage = { permission: 'tasking:manage' as const }
  const people = async () => (await partners.listPeople()).map((p) => ({ value: p.id, text: p.name }))
  const organisations = async () =>
    (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name }))

  async function meetingsPage(request: FastifyRequest, problem?: FormProblem) {
    const manager = canManage(request)
    return {
      template: MEETINGS,
      pageTitle: 'Tasking meetings',
      meetings: (await tasking.listMeetings()).map((m) => ({
        ...m,
        monthText: monthText(m.month),
        day: dayText(m.meetingDate),
        statusTag: STATUS_TAGS[m.status],
      })),
      canManage: manager,
      people: manager ? await people() : [],
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
    }
  }

  app.get(paths.tasking.meetings(), { config: view }, async (request, reply) => {
    const { template, ...data } = await meetingsPage(request)
    return reply.page(template, data)
  })

  app.post(paths.tasking.meetings(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () =>
        withNotice(
          paths.tasking.meeting(await tasking.scheduleMeeting(whoOf(request), request.body)),
          'Meeting scheduled',
        ),
      (problem) => meetingsPage(request, problem),
    ),
  )

  async function meetingPage(request: FastifyRequest, id: number, problem?: FormProblem & { form: string }) {
    const meeting = await tasking.getMeeting(id, whoOf(request))
    const manager = canManage(request)
    const shapes = meeting.briefing ? await tasking.hotspotShapes(meeting.briefing.figures) : undefined
    const shaped = meetingView(meeting, londonToday(), shapes)
    return {
      template: MEETING,
      pageTitle: shaped.title,
      ...shaped,
      canManage: manager,
      people: manager ? await people() : [],
      organisations: manager ? await organisations() : [],
      outcomeItems: TASKING_STATUSES.map((s) => ({ value: s, text: TASKING_STATUS_LABELS[s] })),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
      backLink: paths.tasking.meetings(),
    }
  }

  app.get(
    '/tasking/meetings/:id',
    { config: { ...view, record: 'taskingMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await meetingPage(request, id)
      await auditRead(audit, sensitiveReads, request, { what: 'tasking-meeting', entityId: id })
      return reply.page(template, data)
    },
  )

  app.get(
    '/tasking/meetings/:id/briefing.docx',
    { config: { ...view, record: 'taskingMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const meeting = await tasking.getMeeting(id, whoOf(request))
      if (!meeting.briefing)
        return reply.redirect(
          withNotice(paths.tasking.meeting(id), 'There is no briefing to download yet'),
          303,
        )
      await auditRead(audit, sensitiveReads, request, { what: 'tasking-meeting', entityId: id })
      const file = await tasking.exportMeetingBriefing(request.actor, meeting)
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content)
    },
  )

  // Each of the meeting page's forms: the service call, and the notice shown once it is done.
  type Act = (who: ReturnType<typeof whoOf>, id: number, body: unknown) => Promise<unknown>
  const forms: Array<[part: string, form: string, act: Act, done: string]> = [
    ['status', 'status', tasking.changeStatus, 'Status changed'],
    ['attendees', 'attendee', tasking.addAttendee, 'Attendance recorded'],
    [
      'briefing',
      'briefing',
      (who, id) => tasking.generateBriefing(who, id),
      'Briefing generated from the crime data',
    ],
    ['commentary', 'commentary', tasking.saveCommentary, 'Commentary saved'],
  ]
  for (const [part, form, act, done] of forms) {
    app.post(
      `/tasking/meetings/:id/${part}`,
      { config: { ...manage, record: 'taskingMeeting' } },
      async (request, reply) => {
        const { id } = parseInput(idParams, request.params)
        await tasking.getMeeting(id)
        return submitForm(
          reply,
          async () => {
            await act(whoOf(request), id, request.body)
            return withNotice(paths.tasking.meeting(id), done)
          },
          (problem) => meetingPage(request, id, { ...problem, form }),
        )
      },
    )
  }

  const taskingForm = (request: FastifyRequest, id: number, problem?: FormProblem) =>
    taskingFormPage({ tasking, partners }, request, id, problem)

  app.get(
    '/tasking/meetings/:id/taskings/new',
    { config: { ...manage, record: 'taskingMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { template, ...data } = await taskingForm(request, id)
      return reply.page(template, data)
    },
  )

  app.post(
    '/tasking/meetings/:id/taskings',
    { config: { ...manage, record: 'taskingMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await tasking.getMeeting(id)
      return submitForm(
        reply,
        async () => {
          await tasking.raiseTasking(whoOf(request), id, request.body)
          return withNotice(paths.tasking.meeting(id), 'Tasking recorded')
        },
        (problem) => taskingForm(request, id, problem),
      )
    },
  )

  app.post(
    '/tasking/taskings/:id/outcome',
    { config: { ...manage, record: 'tasking' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const found = await tasking.getTasking(id)
      const back = formBody(request.body).meetingId
      const target = /^\d+$/.test(back ?? '') ? Number(back) : found.raisedAtMeetingId
      return submitForm(
        reply,
        async () => {
          await tasking.recordOutcome(whoOf(request), id, request.body)
          return withNotice(paths.tasking.meeting(target), 'Tasking updated')
        },
        async (problem) => ({
          ...(await meetingPage(request, target, { ...problem, form: `outcome-${id}` })),
        }),
      )
    },
  )

  async function settingsPage(request: FastifyRequest, problem?: FormProblem) {
    const settings = await tasking.settings()
    return {
      template: SETTINGS,
      pageTitle: 'Tasking settings',
      settings,
      canManage: canManage(request),
      errors: problem?.errors,
      values: problem
        ? formBody(request.body)
        : {
            policeUkTypes: settings.policeUkTypes.join('\n'),
            recordedCategories: settings.recordedCategories.join('\n'),
            hotspotCount: String(settings.hotspotCount),
            version: String(settings.version),
          },
      notice: noticeOf(request),
      backLink: paths.tasking.meetings(),
    }
  }

  app.get(paths.tasking.settings(), { config: view }, async (request, reply) => {
    const { template, ...data } = await settingsPage(request)
    return reply.page(template, data)
  })

  app.post(paths.tasking.settings(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        await tasking.updateSettings(whoOf(request), request.body)
        return withNotice(paths.tasking.settings(), 'Settings saved')
      },
      (problem) => settingsPage(request, problem),
    ),
  )

  pointRoutes(app, { tasking, partners })
}
