import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { MEETING_STATUS_LABELS } from '../rules/meeting-status.ts'
import { FREQUENCIES } from '../schema.ts'
import { canManage, dayText, meetingWhen, noticeOf, whoOf } from './common.ts'
import { connected, reportingLinesSvg } from './diagram.ts'

const BOARDS = 'governance/views/boards.njk'
const BOARD = 'governance/views/board.njk'
const BOARD_FORM = 'governance/views/board-form.njk'

const frequencyItems = FREQUENCIES.map((f) => ({ value: f, text: f.charAt(0).toUpperCase() + f.slice(1) }))

export function boardRoutes(
  app: FastifyInstance,
  { governance, partners }: Pick<Services, 'governance' | 'partners'>,
) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }
  const peopleItems = async () => (await partners.listPeople()).map((p) => ({ value: p.id, text: p.name }))

  app.get(paths.governance.boards(), { config: view }, async (request, reply) => {
    const lines = await governance.reportingLines()
    return reply.page(BOARDS, {
      pageTitle: 'Boards',
      boards: (await governance.listBoards()).map((b) => ({
        ...b,
        reportsTo: lines.filter((l) => l.board.id === b.id).map((l) => l.reportsTo.name),
      })),
      canManage: canManage(request),
      notice: noticeOf(request),
    })
  })

  const boardForm = async (extra: Record<string, unknown>) => ({
    template: BOARD_FORM,
    frequencyItems,
    people: await peopleItems(),
    backLink: paths.governance.boards(),
    ...extra,
  })

  app.get(paths.governance.newBoard(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await boardForm({ pageTitle: 'Add a board', values: { quorum: '3' } })
    return reply.page(template, data)
  })

  app.post(paths.governance.boards(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        const id = await governance.createBoard(whoOf(request), request.body)
        return withNotice(paths.governance.board(id), 'Board added')
      },
      ({ errors }) => boardForm({ pageTitle: 'Add a board', values: formBody(request.body), errors }),
    ),
  )

  /** The board page, with any form's problem and the values typed into it. */
  async function boardPage(request: FastifyRequest, id: number, problem?: FormProblem & { form: string }) {
    const board = await governance.getBoard(id)
    const lines = await governance.reportingLines()
    const joined = connected(id, lines)
    const shown = joined.length ? joined : [{ id: board.id, name: board.name }]
    const boards = await governance.listBoards()
    const manager = canManage(request)
    return {
      template: BOARD,
      pageTitle: board.name,
      board,
      termsReview: dayText(board.termsReviewDate),
      members: board.members.map((m) => ({ ...m, from: dayText(m.fromDate), to: dayText(m.toDate) })),
      diagram: reportingLinesSvg(shown, lines, id, 'reporting-lines-title'),
      lineList: lines.filter((l) => shown.some((b) => b.id === l.board.id)),
      meetings: (await governance.listMeetings(id)).map((m) => ({
        ...m,
        when: meetingWhen(m.startsAt),
        statusText: MEETING_STATUS_LABELS[m.status],
      })),
      canManage: manager,
      // The lists of people and organisations fill the managers' forms only.
      people: manager ? await peopleItems() : [],
      organisations: manager
        ? (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name }))
        : [],
      otherBoards: boards.filter((b) => b.id !== id).map((b) => ({ value: b.id, text: b.name })),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
      backLink: paths.governance.boards(),
    }
  }

  app.get('/governance/boards/:id', { config: { ...view, record: 'board' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { template, ...data } = await boardPage(request, id)
    return reply.page(template, data)
  })

  app.get(
    '/governance/boards/:id/edit',
    { config: { ...manage, record: 'board' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const board = await governance.getBoard(id)
      const { template, ...data } = await boardForm({
        pageTitle: `Change ${board.name}`,
        board,
        values: { ...board, standingItems: board.standingItems.join('\n') },
        backLink: paths.governance.board(id),
      })
      return reply.page(template, data)
    },
  )

  app.post('/governance/boards/:id', { config: { ...manage, record: 'board' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const board = await governance.getBoard(id)
    return submitForm(
      reply,
      async () => {
        await governance.updateBoard(whoOf(request), id, request.body)
        return withNotice(paths.governance.board(id), 'Board saved')
      },
      ({ errors, current }) =>
        boardForm({
          pageTitle: `Change ${board.name}`,
          board,
          values: {
            ...formBody(request.body),
            version: current ? board.version : formBody(request.body).version,
          },
          current,
          errors,
          backLink: paths.governance.board(id),
        }),
    )
  })

  // The board page's own forms: each re-renders the page with its problem beside the form.
  const boardForms: Array<[string, string, (request: FastifyRequest, id: number) => Promise<string>]> = [
    [
      '/governance/boards/:id/members',
      'member',
      async (request, id) => {
        await governance.addMember(whoOf(request), id, request.body)
        return 'Member added'
      },
    ],
    [
      '/governance/boards/:id/reporting-lines',
      'line',
      async (request, id) => {
        await governance.addReportingLine(whoOf(request), id, request.body)
        return 'Reporting line added'
      },
    ],
    [
      '/governance/boards/:id/meetings',
      'meeting',
      async (request, id) => {
        const body = formBody(request.body)
        const meetingId = await governance.scheduleMeeting(whoOf(request), id, {
          ...body,
          startsAt: body.startsAt ?? `${body.date ?? ''}T${body.time ?? ''}`,
        })
        return `meeting:${meetingId}`
      },
    ],
  ]
  for (const [url, form, act] of boardForms) {
    app.post(url, { config: { ...manage, record: 'board' } }, async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      await governance.getBoard(id)
      return submitForm(
        reply,
        async () => {
          const done = await act(request, id)
          return done.startsWith('meeting:')
            ? withNotice(
                paths.governance.meeting(done.slice(8)),
                'Meeting scheduled, with its standing items',
              )
            : withNotice(paths.governance.board(id), done)
        },
        (problem) => boardPage(request, id, { ...problem, form }),
      )
    })
  }
}
