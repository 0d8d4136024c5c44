import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { paths } from '../paths.ts'
import { REFERRAL_STATUS_LABELS } from '../referrals/lifecycle.ts'
import { canRefer, dayText, noticeOf, whoOf } from './common.ts'

const LIST = 'cases/views/cases.njk'
const CASE = 'cases/views/case.njk'
const GLASS = 'cases/views/break-glass.njk'
const SUBJECT = 'cases/views/subject.njk'

/** The case pages: every one asks the cases service, which applies need to know and audits the read. */
export function casePageRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }
  const refer = { permission: 'cases:refer' as const }

  app.get(paths.cases.list(), { config: view }, async (request, reply) =>
    reply.page(LIST, {
      pageTitle: 'Your panels’ cases',
      cases: await cases.listCases(whoOf(request)),
      canRefer: canRefer(request),
      backLink: paths.cases.panels(),
    }),
  )

  async function casePage(request: Parameters<typeof whoOf>[0], id: number, errors?: Record<string, string>) {
    const who = whoOf(request)
    const found = await cases.getCase(who, id)
    return {
      pageTitle: `Case ${found.id}`,
      found,
      referredOn: dayText(found.referredOn),
      decidedOn: dayText(found.decidedOn),
      heardOn: dayText(found.heardOn),
      closedOn: dayText(found.closedOn),
      statusItems: found.nextStatuses.map((s) => ({ value: s, text: REFERRAL_STATUS_LABELS[s] })),
      accessLog: found.mayReadAccessLog ? await cases.accessLog(who, id) : null,
      values: errors ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.panel(found.panelId),
    }
  }

  app.get('/cases/:id', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(CASE, await casePage(request, id))
  })

  app.post('/cases/:id/status', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return submitForm(
      reply,
      async () => {
        await cases.moveCase(whoOf(request), id, request.body)
        return withNotice(paths.cases.case(id), 'Case status changed')
      },
      async ({ errors }) => ({ template: CASE, ...(await casePage(request, id, errors)) }),
    )
  })

  // The form says nothing of the case, so it answers alike whether or not the case exists.
  app.get('/cases/:id/break-glass', { config: { ...refer, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(GLASS, {
      pageTitle: 'Open a case by break glass',
      caseId: id,
      values: {},
      backLink: paths.cases.search(),
    })
  })

  app.post('/cases/:id/break-glass', { config: { ...refer, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    try {
      await cases.breakGlass(whoOf(request), id, request.body)
      return reply.redirect(
        withNotice(paths.cases.case(id), 'Case opened by break glass. The panel chair has been told.'),
        303,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(GLASS, {
        pageTitle: 'Open a case by break glass',
        caseId: id,
        values: formBody(request.body),
        errors: error.fieldErrors,
        backLink: paths.cases.search(),
      })
    }
  })

  app.get('/cases/subjects/:id', { config: { ...view, record: 'caseSubject' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const found = await cases.getSubject(whoOf(request), id).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Person') : error
    })
    return reply.page(SUBJECT, {
      pageTitle: `${found.subject.forename} ${found.subject.surname}`,
      ...found,
      dateOfBirth: dayText(found.subject.dateOfBirth),
      mayExport: await cases.mayExportSubject(whoOf(request), id),
      mayChange: await cases.mayChangeSubjectDetails(whoOf(request), id),
      notice: noticeOf(request),
      backLink: paths.cases.list(),
    })
  })
}
