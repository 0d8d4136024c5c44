import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { ASB_CLOCK_LABELS, type AsbClock } from '../rules/asb-case-review.ts'
import { formRows } from '../youth/form.ts'

const TRACKER = 'cases/views/asb-tracker.njk'
const FORM = 'cases/views/asb-application-form.njk'
const APPLICATION = 'cases/views/asb-application.njk'
const COMPLAINT_ROWS = 5

export const CLOCK_STATE_LABELS: Record<AsbClock['state'], string> = {
  due: 'Due',
  'met-on-time': 'Done on time',
  'met-late': 'Done late',
  overdue: 'Overdue',
  'not-needed': 'Not needed',
}
const TAG_CLASS: Record<AsbClock['state'], string> = {
  due: 'govuk-tag--blue',
  'met-on-time': 'govuk-tag--green',
  'met-late': 'govuk-tag--orange',
  overdue: 'govuk-tag--red',
  'not-needed': 'govuk-tag--grey',
}
const shownClocks = (clocks: AsbClock[]) =>
  clocks.map((c) => ({
    ...c,
    label: ASB_CLOCK_LABELS[c.clock],
    stateLabel: CLOCK_STATE_LABELS[c.state],
    tagClass: TAG_CLASS[c.state],
    dueText: dayText(c.dueOn),
    doneText: dayText(c.doneOn),
  }))

const applicationFromForm = (body: Record<string, string>) => ({
  ...body,
  complaints: formRows(body, 'complaints'),
})

/** The Community MARAC's ASB case review pages: the tracker, a new application, one application and its letter. */
export function asbRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }

  async function trackerPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const tracker = await cases.asbTracker(whoOf(request), id)
    const { threshold, clockDays } = tracker.settings
    return {
      pageTitle: `${tracker.panel.name}: ASB case review applications`,
      tracker,
      asOfText: dayText(tracker.asOf),
      applications: tracker.applications.map((a) => ({
        ...a,
        receivedText: dayText(a.receivedOn),
        clocks: shownClocks(a.clocks),
      })),
      values: errors
        ? formBody(request.body)
        : {
            ...Object.fromEntries(Object.entries(threshold).map(([k, v]) => [k, String(v)])),
            ...Object.fromEntries(Object.entries(clockDays).map(([k, v]) => [k, String(v)])),
          },
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.panel(id),
    }
  }

  app.get('/cases/panels/:id/asb', { config: { ...view, record: 'casePanel' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(TRACKER, await trackerPage(request, id))
  })

  app.post(
    '/cases/panels/:id/asb/settings',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      try {
        await cases.setAsbSettings(whoOf(request), id, formBody(request.body))
        return reply.redirect(withNotice(paths.cases.asbTracker(id), 'Threshold and clocks saved'), 303)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply.code(400).page(TRACKER, await trackerPage(request, id, error.fieldErrors))
      }
    },
  )

  async function formPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    // Asking the tracker first refuses a non-member before the form is shown.
    const tracker = await cases.asbTracker(whoOf(request), id)
    return {
      pageTitle: 'New ASB case review application',
      panel: tracker.panel,
      rows: Array.from({ length: COMPLAINT_ROWS }, (_, i) => i),
      values: errors ? formBody(request.body) : { receivedOn: londonToday(new Date()) },
      errors,
      backLink: paths.cases.asbTracker(id),
    }
  }

  app.get(
    '/cases/panels/:id/asb/new',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      return reply.page(FORM, await formPage(request, id))
    },
  )

  app.post('/cases/panels/:id/asb', { config: { ...view, record: 'casePanel' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    try {
      const made = await cases.createApplication(
        whoOf(request),
        id,
        applicationFromForm(formBody(request.body)),
      )
      return reply.redirect(withNotice(paths.cases.asbApplication(made), 'Application recorded'), 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(FORM, await formPage(request, id, error.fieldErrors))
    }
  })

  async function applicationPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const found = await cases.getApplication(whoOf(request), id)
    return {
      pageTitle: `ASB case review application ${id}`,
      found,
      receivedText: dayText(found.receivedOn),
      clocks: shownClocks(found.clocks),
      decidedText: dayText(found.decision?.on),
      reviewText: dayText(found.review?.on),
      values: errors ? formBody(request.body) : { on: londonToday(new Date()) },
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.asbTracker(found.panelId),
    }
  }

  app.get('/cases/asb/:id', { config: { ...view, record: 'asbApplication' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(APPLICATION, await applicationPage(request, id))
  })

  app.post(
    '/cases/asb/:id/steps',
    { config: { ...view, record: 'asbApplication' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      try {
        await cases.recordAsbStep(whoOf(request), id, formBody(request.body))
        return reply.redirect(withNotice(paths.cases.asbApplication(id), 'Recorded'), 303)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply.code(400).page(APPLICATION, await applicationPage(request, id, error.fieldErrors))
      }
    },
  )

  app.get(
    '/cases/asb/:id/letter',
    { config: { ...view, record: 'asbApplication' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const letter = await cases.outcomeLetter(whoOf(request), id)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${letter.filename}"`)
        .header('cache-control', 'no-store')
        .send(letter.docx)
    },
  )
}
