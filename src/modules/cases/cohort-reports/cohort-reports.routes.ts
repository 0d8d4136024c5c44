import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { idDigits, parseInput } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { dayText, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { addCalendarMonths, isCalendarDate } from '../rules/calendar.ts'
import { MEASURE_NAMES } from '../rules/cohort-outcomes.ts'
import { cohortChart } from './cohort-chart.ts'
import { COHORT_CHOICE_LABELS, COHORT_CHOICES, MEASURE_LABELS, NO_DATA_REASONS } from './cohort-report.ts'
import { cohortReportCsv } from './cohort-report-csv.ts'

const PAGE = 'cases/cohort-reports/views/report.njk'

const panelParams = z.object({ id: idDigits('Must be a panel id') })

/** The question from the address: the year to today on every cohort unless asked otherwise. */
function questionOf(request: FastifyRequest) {
  const q = request.query as Record<string, string | undefined>
  const to = q.to ?? londonToday()
  const from = q.from ?? (isCalendarDate(to) ? nextDay(addCalendarMonths(to, -12)) : to)
  return { cohort: q.cohort || 'all', from, to }
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The cohort report page and its CSV: the IOM panel's members only (the service asks policy.ts). */
export function cohortReportRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const, record: 'iomPanel' }

  app.get('/cases/panels/:id/cohort-report', { config: view }, async (request, reply) => {
    const { id } = parseInput(panelParams, request.params)
    const question = questionOf(request)
    const form = {
      values: question,
      cohortItems: COHORT_CHOICES.map((value) => ({ value, text: COHORT_CHOICE_LABELS[value] })),
      backLink: paths.cases.panel(id),
    }
    try {
      const found = await cases.panelCohortReport(whoOf(request), id, question)
      const { report } = found
      const measures = MEASURE_NAMES.map((name) => ({
        name,
        label: MEASURE_LABELS[name],
        ...report[name],
        noData: report[name].d === 0 ? NO_DATA_REASONS[name] : null,
        small: report.suppressed.includes(name),
      }))
      return reply.page(PAGE, {
        pageTitle: `Cohort report: ${found.panel.name}`,
        ...form,
        found,
        period: `${dayText(report.cohort.from)} to ${dayText(report.cohort.to)}`,
        measures,
        noData: measures.filter((m) => m.noData),
        reoffending: report.provenReoffending12m,
        chart: cohortChart(report),
        csvLink: `${paths.cases.cohortReportCsv(id)}?${new URLSearchParams(question).toString()}`,
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const panel = await cases.getPanel(id)
      return reply.code(400).page(PAGE, {
        pageTitle: `Cohort report: ${panel.name}`,
        ...form,
        panel: { id: panel.id, name: panel.name },
        errors: error.fieldErrors,
      })
    }
  })

  app.get('/cases/panels/:id/cohort-report/csv', { config: view }, async (request, reply) => {
    const { id } = parseInput(panelParams, request.params)
    const found = await cases.cohortReportExport(whoOf(request), id, questionOf(request))
    const { from, to } = found.report.cohort
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="iom-cohort-report-${id}-${found.cohort}-${from}-to-${to}.csv"`,
      )
      .send(cohortReportCsv(found))
  })
}
