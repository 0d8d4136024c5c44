import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { formRows, listOf } from './form.ts'
import {
  OPTION_KIND_LABELS,
  OPTION_KINDS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  RISK_TO,
  RISK_TO_LABELS,
} from './schema.ts'

const RISK = 'cases/views/youth-risk.njk'
const BOARD = 'cases/views/youth-board.njk'
const OPTION_ROWS = 3

/** The review form's answers as the service takes them. */
const reviewFromForm = (body: Record<string, unknown>) => ({
  reviewedOn: body.reviewedOn,
  riskLevel: body.riskLevel,
  riskTo: listOf(body.riskTo),
  riskFactors: body.riskFactors,
  protectiveFactors: body.protectiveFactors,
  options: formRows(body, 'options'),
})

/** The youth and knife crime panels' pages: a case's risk reviews and transitions, and the panel's board. */
export function youthRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }

  async function riskPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const record = await cases.riskRecord(whoOf(request), id)
    const body = errors ? (request.body as Record<string, unknown>) : {}
    const adultPanels = (await cases.listPanels()).filter(
      (p) => !['youth-rmp', 'knife-crime'].includes(p.type),
    )
    const chosen = listOf(body.riskTo)
    // The directory's services for this panel, to name beside an option agreed.
    const directory = await cases.listInterventions({ panel: record.panelId })
    const serviceName = new Map(directory.map((d) => [d.id, d.name]))
    return {
      pageTitle: `Shared risk for case ${id}`,
      record,
      reviews: record.reviews.map((r) => ({
        ...r,
        day: dayText(r.reviewedOn),
        options: r.options.map((o) => ({
          ...o,
          serviceName: o.interventionServiceId ? (serviceName.get(o.interventionServiceId) ?? null) : null,
        })),
      })),
      serviceItems: (selected: unknown) => [
        { value: '', text: 'None from the directory' },
        ...directory.map((d) => ({ value: String(d.id), text: d.name, selected: selected === String(d.id) })),
      ],
      youngPeople: record.youngPeople.map((p) => ({ ...p, birthdayText: dayText(p.eighteenthBirthday) })),
      transitions: record.transitions.map((t) => ({
        ...t,
        day: dayText(t.transferredOn),
        name: record.youngPeople.find((p) => p.subjectId === t.subjectId)?.name ?? `Subject ${t.subjectId}`,
      })),
      levelItems: RISK_LEVELS.map((l) => ({
        value: l,
        text: RISK_LEVEL_LABELS[l],
        checked: body.riskLevel === l,
      })),
      riskToItems: RISK_TO.map((t) => ({ value: t, text: RISK_TO_LABELS[t], checked: chosen.includes(t) })),
      kindItems: (selected: unknown) =>
        OPTION_KINDS.map((k) => ({ value: k, text: OPTION_KIND_LABELS[k], selected: selected === k })),
      optionRows: Array.from({ length: OPTION_ROWS }, (_, i) => i),
      personItems: record.youngPeople
        .filter((p) => !p.transitioned)
        .map((p) => ({
          value: String(p.subjectId),
          text: p.name,
          selected: body.subjectId === String(p.subjectId),
        })),
      panelItems: [
        { value: '', text: 'Not an adult panel' },
        ...adultPanels.map((p) => ({
          value: String(p.id),
          text: p.name,
          selected: body.toPanelId === String(p.id),
        })),
      ],
      values: errors ? formBody(request.body) : { reviewedOn: londonToday(new Date()) },
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.case(id),
    }
  }

  app.get('/cases/:id/risk', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(RISK, await riskPage(request, id))
  })

  app.post('/cases/:id/risk', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    try {
      await cases.addRiskReview(whoOf(request), id, reviewFromForm(formBody(request.body)))
      return reply.redirect(withNotice(paths.cases.risk(id), 'Risk review recorded'), 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(RISK, await riskPage(request, id, error.fieldErrors))
    }
  })

  app.post('/cases/:id/transitions', { config: { ...view, record: 'case' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    try {
      await cases.recordTransition(whoOf(request), id, formBody(request.body))
      return reply.redirect(withNotice(paths.cases.risk(id), 'Transition to adult services recorded'), 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(RISK, await riskPage(request, id, error.fieldErrors))
    }
  })

  async function boardPage(request: FastifyRequest, id: number, errors?: FieldErrors) {
    const board = await cases.youthBoard(whoOf(request), id)
    return {
      pageTitle: `${board.panel.name}: risk and transitions`,
      board,
      due: board.transitionsDue.map((p) => ({ ...p, birthdayText: dayText(p.eighteenthBirthday) })),
      values: errors ? formBody(request.body) : { transitionLeadMonths: String(board.leadMonths) },
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.panel(id),
    }
  }

  app.get('/cases/panels/:id/youth', { config: { ...view, record: 'casePanel' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(BOARD, await boardPage(request, id))
  })

  app.post(
    '/cases/panels/:id/youth/settings',
    { config: { ...view, record: 'casePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      try {
        await cases.setTransitionLead(whoOf(request), id, formBody(request.body))
        return reply.redirect(withNotice(paths.cases.youthBoard(id), 'Transition lead saved'), 303)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return reply.code(400).page(BOARD, await boardPage(request, id, error.fieldErrors))
      }
    },
  )
}
