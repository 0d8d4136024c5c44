import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { ConflictError, type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../meetings/schema.ts'
import { paths } from '../paths.ts'
import { dayText, noticeOf, whoOf } from './common.ts'

const MEETINGS = 'cases/views/meetings.njk'
const MEETING = 'cases/views/meeting.njk'
const MINE = 'cases/views/my-actions.njk'

const statusItems = ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] }))

/** A form's errors named for the one case (or action) it belongs to, since the page holds many such forms. */
const prefixed = (errors: FieldErrors, prefix: string): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'form' ? k : `${prefix}${k}`, v]))

/** Panel meetings, their case lists, discussions, actions and safety plans: the panel's members only (the service refuses anyone else). */
export function meetingRoutes(
  app: FastifyInstance,
  { cases, partners }: Pick<Services, 'cases' | 'partners'>,
) {
  const view = { permission: 'cases:view' as const }

  async function meetingsPage(request: FastifyRequest, panelId: number, errors?: FieldErrors) {
    const meetings = await cases.listMeetings(whoOf(request), panelId)
    const panel = await cases.getPanel(panelId)
    const organisations = await partners.listOrganisations()
    const values = errors
      ? formBody(request.body)
      : { organisationIds: panel.organisations.map((o) => String(o.id)) }
    const chosen = ([] as string[]).concat(
      ((values as Record<string, unknown>).organisationIds as string[]) ?? [],
    )
    return {
      pageTitle: `${panel.name}: meetings`,
      panel,
      meetings: meetings.map((m) => ({ ...m, day: dayText(m.meetsOn) })),
      organisationItems: organisations.map((o) => ({
        value: String(o.id),
        text: o.name,
        checked: chosen.includes(String(o.id)),
      })),
      isMarac: panel.type === 'marac',
      values,
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.panel(panelId),
    }
  }

  app.get(
    '/cases/panels/:id/meetings',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return reply.page(MEETINGS, await meetingsPage(request, id))
    },
  )

  app.post(
    '/cases/panels/:id/meetings',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      try {
        const meeting = await cases.createMeeting(whoOf(request), id, request.body)
        return reply.redirect(
          withNotice(paths.cases.meeting(meeting), 'Meeting set up with its case list'),
          303,
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply.code(400).page(MEETINGS, await meetingsPage(request, id, error.fieldErrors))
      }
    },
  )

  async function meetingPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const meeting = await cases.getMeeting(whoOf(request), id)
    return {
      pageTitle: `${meeting.panelName}, ${dayText(meeting.meetsOn)}`,
      meeting,
      day: dayText(meeting.meetsOn),
      organisationItems: meeting.owners.organisations.map((o) => ({ value: o.id, text: o.name })),
      memberItems: meeting.owners.members.map((m) => ({
        value: m.id,
        text: m.organisationName ? `${m.name} (${m.organisationName})` : `${m.name} (chair)`,
      })),
      statusItems,
      values: errors ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.meetings(meeting.panelId),
    }
  }

  app.get('/cases/meetings/:id', { config: { ...view, record: 'caseMeeting' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(MEETING, await meetingPage(request, id))
  })

  app.post(
    '/cases/meetings/:id/case-list',
    { config: { ...view, record: 'caseMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const added = await cases.refreshCaseList(whoOf(request), id)
      return reply.redirect(
        withNotice(
          paths.cases.meeting(id),
          added
            ? `${added} case${added === 1 ? '' : 's'} added to the list`
            : 'No cases have come due since the list was made',
        ),
        303,
      )
    },
  )

  /** A form on the meeting page: done, back to the meeting at the case; refused, the page again with the errors by that case's form. */
  async function meetingForm(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    prefix: string,
    act: () => Promise<string>,
  ) {
    try {
      return reply.redirect(await act(), 303)
    } catch (error) {
      if (error instanceof ValidationError)
        return reply
          .code(400)
          .page(MEETING, await meetingPage(request, id, prefixed(error.fieldErrors, prefix)))
      if (error instanceof ConflictError)
        return reply.code(409).page(MEETING, await meetingPage(request, id, { form: error.message }))
      throw error
    }
  }

  app.post(
    '/cases/meetings/:id/discussion',
    { config: { ...view, record: 'caseMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const caseId = formBody(request.body).caseId ?? ''
      return meetingForm(request, reply, id, `c${caseId}_`, async () => {
        await cases.recordDiscussion(whoOf(request), id, request.body)
        return `${withNotice(paths.cases.meeting(id), `Discussion of case ${caseId} recorded`)}#case-${caseId}`
      })
    },
  )

  app.post(
    '/cases/meetings/:id/actions',
    { config: { ...view, record: 'caseMeeting' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const caseId = formBody(request.body).caseId ?? ''
      return meetingForm(request, reply, id, `a${caseId}_`, async () => {
        await cases.addAction(whoOf(request), id, request.body)
        return `${withNotice(paths.cases.meeting(id), `Action agreed for case ${caseId}`)}#case-${caseId}`
      })
    },
  )

  async function minePage(request: FastifyRequest, errors?: FieldErrors) {
    const actions = await cases.myActions(whoOf(request))
    return {
      pageTitle: 'My case actions',
      actions: actions.map((a) => ({ ...a, due: dayText(a.dueOn) })),
      overdue: actions.filter((a) => a.overdue).length,
      statusItems,
      values: errors ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.panels(),
    }
  }

  app.get(paths.cases.myActions(), { config: view }, async (request, reply) =>
    reply.page(MINE, await minePage(request)),
  )

  // From the meeting page or "my case actions": back to where it came from, on Safer's own pages only.
  app.post('/cases/actions/:id', { config: { ...view, record: 'caseAction' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const body = formBody(request.body)
    const back = body.back?.startsWith('/cases/meetings/') ? body.back : paths.cases.myActions()
    try {
      const caseId = await cases.updateAction(whoOf(request), id, request.body)
      return reply.redirect(withNotice(back, `Action on case ${caseId} updated`), 303)
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error
      const errors =
        error instanceof ValidationError ? prefixed(error.fieldErrors, `x${id}_`) : { form: error.message }
      const code = error instanceof ValidationError ? 400 : 409
      const meeting = back.match(/^\/cases\/meetings\/(\d+)$/)
      if (meeting)
        return reply.code(code).page(MEETING, await meetingPage(request, Number(meeting[1]), errors))
      return reply.code(code).page(MINE, await minePage(request, errors))
    }
  })
}
