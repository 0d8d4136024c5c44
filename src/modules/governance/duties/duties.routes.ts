import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../http/api.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { type FormProblem, formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { canManage, dayText, meetingWhen, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { DUTIES, DUTY_DEFINITIONS, DUTY_RAG_LABELS, partnershipYearOf, partnershipYearText } from './rules.ts'

const DUTIES_PAGE = 'governance/duties/views/duties.njk'

const RAG_CLASSES = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  'not-due': 'govuk-tag--grey',
} as const

export const yearQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Must be a year such as 2026')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'Must be a year from 2000 to 2100')
    .optional(),
})

const evidenceText = (e: {
  kind: string
  meetingStartsAt: string | null
  meetingBoardName: string | null
  documentTitle: string | null
  decisionReference: string | null
  decisionTitle: string | null
}) => {
  if (e.kind === 'meeting')
    return `${e.meetingBoardName ?? 'Meeting'}: ${e.meetingStartsAt ? meetingWhen(e.meetingStartsAt) : ''}`
  if (e.kind === 'document') return e.documentTitle ?? 'Document'
  return `Decision ${e.decisionReference ?? ''}${e.decisionTitle ? `: ${e.decisionTitle}` : ''}`
}

/** The statutory duties page, and the forms that record evidence and due dates and mark meetings public. */
export function dutiesRoutes(app: FastifyInstance, { governance }: Pick<Services, 'governance'>) {
  const view = { permission: 'governance:view' as const }
  const manage = { permission: 'governance:manage' as const }

  async function dutiesPage(request: FastifyRequest, year: number, problem?: FormProblem & { form: string }) {
    const tracked = await governance.dutiesForYear(year)
    const manager = canManage(request)
    const meetings = manager ? await governance.listMeetings() : []
    const decisions = manager ? await governance.listDecisions() : []
    return {
      template: DUTIES_PAGE,
      pageTitle: `Statutory duties ${tracked.yearText}`,
      tracked,
      from: dayText(tracked.from),
      to: dayText(tracked.to),
      previous: { year: year - 1, text: partnershipYearText(year - 1) },
      next: { year: year + 1, text: partnershipYearText(year + 1) },
      duties: tracked.duties.map((d) => ({
        ...d,
        due: dayText(d.dueDate),
        ragText: DUTY_RAG_LABELS[d.rag],
        ragClass: RAG_CLASSES[d.rag],
        evidence: d.evidence.map((e) => ({ ...e, text: evidenceText(e), on: dayText(e.evidencedOn) })),
      })),
      canManage: manager,
      dutyItems: DUTIES.map((d) => ({ value: d, text: DUTY_DEFINITIONS[d].title })),
      meetingItems: meetings.map((m) => ({
        value: m.id,
        text: `${m.boardName}: ${meetingWhen(m.startsAt)}`,
      })),
      decisionItems: decisions.map((d) => ({ value: d.id, text: `${d.reference}: ${d.title}` })),
      form: problem?.form,
      errors: problem?.errors,
      values: problem ? formBody(request.body) : {},
      notice: noticeOf(request),
    }
  }

  app.get(paths.governance.duties(), { config: view }, async (request, reply) => {
    const { year } = parseInput(yearQuery, request.query)
    const { template, ...data } = await dutiesPage(request, year ?? partnershipYearOf(londonToday()))
    return reply.page(template, data)
  })

  const yearOf = (request: FastifyRequest) => {
    const body = formBody(request.body)
    if (/^\d{4}$/.test(body.year ?? '')) return Number(body.year)
    if (/^\d{4}-\d{2}-\d{2}$/.test(body.evidencedOn ?? ''))
      return partnershipYearOf(body.evidencedOn as string)
    return partnershipYearOf(londonToday())
  }

  app.post(paths.governance.dutyEvidence(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        const id = await governance.recordDutyEvidence(whoOf(request), request.body)
        const evidence = await governance.getDutyEvidence(id)
        return withNotice(paths.governance.duties(evidence.year), 'Evidence recorded')
      },
      (problem) => dutiesPage(request, yearOf(request), { ...problem, form: 'evidence' }),
    ),
  )

  app.post(
    '/governance/duties/evidence/:id/remove',
    { config: { ...manage, record: 'dutyEvidence' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const evidence = await governance.getDutyEvidence(id)
      await governance.removeDutyEvidence(whoOf(request), id)
      return reply.redirect(withNotice(paths.governance.duties(evidence.year), 'Evidence removed'), 303)
    },
  )

  app.post(paths.governance.dutyDueDates(), { config: manage }, async (request, reply) =>
    submitForm(
      reply,
      async () => {
        await governance.setDutyDueDate(whoOf(request), request.body)
        return withNotice(paths.governance.duties(yearOf(request)), 'Due date changed')
      },
      (problem) => dutiesPage(request, yearOf(request), { ...problem, form: 'dueDate' }),
    ),
  )
}
