import { z } from 'zod'
import type { ApiRegistry } from '../../../http/api.ts'
import { SMALL_COUNT, WITHHELD } from '../../../shared/suppression.ts'
import { idDigits } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { MEASURE_NAMES } from '../rules/cohort-outcomes.ts'
import { COHORT_CHOICES } from './cohort-report.ts'

const panelParams = z.object({ id: idDigits('Must be a panel id') })
// Documented here, checked by the service after need to know: a non-member learns nothing from a 400.
const question = z.object({
  cohort: z
    .string()
    .optional()
    .describe(`One of ${COHORT_CHOICES.join(', ')} (all by default)`),
  from: z.string().optional().describe('The first day of the period, YYYY-MM-DD'),
  to: z.string().optional().describe('The last day of the period, YYYY-MM-DD'),
})

const measure = z.object({ n: z.number(), d: z.number(), pct: z.number().nullable() })
const shown = z.union([z.number(), z.literal(SMALL_COUNT), z.literal(WITHHELD)])
const shownMeasure = z.object({ n: shown, d: shown, pct: shown.nullable() })
const framing = {
  panel: z.object({ id: z.number(), name: z.string() }),
  cohort: z.enum(COHORT_CHOICES),
  cohortLabel: z.string(),
}
const cohort = { name: z.string(), from: z.string(), to: z.string() }

const exact = z.object({
  ...framing,
  report: z.object({
    cohort: z.object({ ...cohort, members: z.number() }),
    ete: measure,
    treatment: measure,
    notReoffending6m: measure,
    provenReoffending12m: measure.extend({ offences: z.number(), frequency: z.number().nullable() }),
    suppressed: z.array(z.enum(MEASURE_NAMES)),
  }),
})
const leaving = z.object({
  ...framing,
  report: z.object({
    cohort: z.object({ ...cohort, members: shown }),
    ete: shownMeasure,
    treatment: shownMeasure,
    notReoffending6m: shownMeasure,
    provenReoffending12m: shownMeasure.extend({ offences: shown, frequency: shown.nullable() }),
    suppressed: z.array(z.enum(MEASURE_NAMES)),
  }),
})

/** The cohort report under the same need to know as its page: the IOM panel's members only. */
export function cohortReportsApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  const common = { permission: 'cases:view' as const, record: 'iomPanel', tag: TAG, params: panelParams }
  api.add({
    ...common,
    method: 'GET',
    url: '/case-panels/:id/cohort-report',
    summary:
      'The IOM cohort report for a cohort and period, exact, with numerators and denominators (members only)',
    query: question,
    response: exact,
    handler: async ({ request, params }) => cases.panelCohortReport(whoOf(request), params.id, request.query),
  })
  api.add({
    ...common,
    method: 'GET',
    url: '/case-panels/:id/cohort-report/suppressed',
    summary:
      'The IOM cohort report as it may leave the panel: counts from 1 to 4 as "<5", figures on them withheld',
    query: question,
    response: leaving,
    handler: async ({ request, params }) =>
      cases.cohortReportExport(whoOf(request), params.id, request.query),
  })
}
