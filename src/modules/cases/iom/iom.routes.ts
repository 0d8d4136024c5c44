import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../../shared/errors.ts'
import { idDigits, parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { canManagePanels, dayText, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { settingsForm, settingsFromForm } from './settings-form.ts'
import { subjectPageItems } from './subject-page.ts'

const BOARD = 'cases/iom/views/board.njk'
const SUBJECT = 'cases/iom/views/subject.njk'
const SETTINGS = 'cases/iom/views/settings.njk'

const panelParams = z.object({ id: idDigits('Must be a panel id') })
const subjectParams = panelParams.extend({ iomSubject: idDigits('Must be a subject id') })

type Who = ReturnType<typeof whoOf>
type Change = (who: Who, panelId: number, subjectId: number, input: unknown) => Promise<unknown>

/** The IOM panel's pages: the cohort board, a person's IOM page with its forms, the scoring matrix. */
export function iomRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const, record: 'iomPanel' }

  app.get('/cases/panels/:id/iom', { config: view }, async (request, reply) => {
    const { id } = parseInput(panelParams, request.params)
    const board = await cases.cohortBoard(whoOf(request), id)
    return reply.page(BOARD, {
      pageTitle: `Cohort board: ${board.panelName}`,
      board,
      asOf: dayText(board.asOf),
      notice: noticeOf(request),
      backLink: paths.cases.panel(id),
    })
  })

  async function subjectPage(request: FastifyRequest, errors?: Record<string, string>) {
    const { id, iomSubject } = parseInput(subjectParams, request.params)
    const record = await cases.subjectIom(whoOf(request), id, iomSubject).catch((error) => {
      throw error instanceof NotFoundError ? new NotFoundError('Person') : error
    })
    const { matrix } = await cases.iomSettings(id)
    return {
      pageTitle: `${record.name}: IOM`,
      record,
      ...subjectPageItems(record, matrix),
      values: errors ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: record.mayChange ? paths.cases.iomBoard(id) : paths.cases.search(),
    }
  }

  app.get('/cases/panels/:id/iom/subjects/:iomSubject', { config: view }, async (request, reply) =>
    reply.page(SUBJECT, await subjectPage(request)),
  )

  const change = (path: string, act: Change, notice: string) =>
    app.post(
      `/cases/panels/:id/iom/subjects/:iomSubject/${path}`,
      { config: view },
      async (request, reply) => {
        const { id, iomSubject } = parseInput(subjectParams, request.params)
        return submitForm(
          reply,
          async () => {
            await act(whoOf(request), id, iomSubject, request.body)
            return withNotice(paths.cases.iomSubject(id, iomSubject), notice)
          },
          async ({ errors }) => ({ template: SUBJECT, ...(await subjectPage(request, errors)) }),
        )
      },
    )
  change('offences', cases.recordOffence, 'Offence recorded')
  change('decision', cases.decideCandidate, 'Decision recorded')
  change('cohort', cases.selectIntoCohort, 'Selected into the cohort')
  change('deselect', cases.deselectFromCohort, 'De-selected from the cohort')
  change('pathways', cases.savePathway, 'Pathway saved')

  async function settingsPage(request: FastifyRequest, id: number, extra: Record<string, unknown> = {}) {
    const panel = await cases.iomPanel(id)
    const settings = await cases.iomSettings(id)
    return {
      pageTitle: `Scoring matrix: ${panel.name}`,
      panel,
      settings,
      form: settingsForm(settings),
      fallbackItems: settings.matrix.groups.map((g) => ({ value: g.id, text: g.label })),
      mayChange: canManagePanels(request),
      notice: noticeOf(request),
      backLink: paths.cases.panel(id),
      ...extra,
    }
  }

  app.get('/cases/panels/:id/iom/settings', { config: view }, async (request, reply) => {
    const { id } = parseInput(panelParams, request.params)
    return reply.page(SETTINGS, await settingsPage(request, id))
  })

  const manage = { permission: 'cases:manage-panels' as const, record: 'iomPanel' }
  app.post('/cases/panels/:id/iom/settings', { config: manage }, async (request, reply) => {
    const { id } = parseInput(panelParams, request.params)
    const body = formBody(request.body)
    return submitForm(
      reply,
      async () => {
        await cases.updateIomSettings(whoOf(request), id, settingsFromForm(body))
        return withNotice(paths.cases.iomSettings(id), 'Scoring matrix saved')
      },
      async ({ errors }) => ({
        template: SETTINGS,
        ...(await settingsPage(request, id, { errors, values: body })),
      }),
    )
  })
}
