import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { ASB_CLOCKS } from '../rules/asb-case-review.ts'
import { applicationInput, stepInput } from './schema.ts'

const clock = z.object({
  clock: z.enum(ASB_CLOCKS),
  workingDays: z.number(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(['due', 'met-on-time', 'met-late', 'overdue', 'not-needed']),
})
const application = z.object({
  id: z.number(),
  panelId: z.number(),
  applicant: z.object({ subjectId: z.number(), name: z.string(), address: z.string() }),
  onBehalfOf: z.string().nullable(),
  receivedOn: z.string(),
  location: z.string(),
  complaints: z.array(
    z.object({
      reportedOn: z.string(),
      incidentOn: z.string().nullable(),
      agency: z.string(),
      hateIncident: z.boolean(),
      household: z.string().nullable(),
    }),
  ),
  threshold: z.object({
    met: z.boolean(),
    by: z.array(z.enum(['complaints', 'hate-incidents', 'households'])),
    windowFrom: z.string(),
    qualifying: z.number(),
    hateIncidents: z.number(),
    households: z.number(),
    notQualifying: z.array(z.object({ index: z.number(), reason: z.string() })),
    reasons: z.array(z.string()),
  }),
  clocks: z.array(clock),
  decision: z.object({ on: z.string(), thresholdMet: z.boolean(), reason: z.string() }).nullable(),
  review: z.object({ on: z.string(), recommendations: z.string() }).nullable(),
  repeatVictim: z.boolean(),
  repeatLocation: z.boolean(),
  letterReady: z.boolean(),
  version: z.number(),
})

/** The ASB case review: the Community MARAC's members only, on the API as on the pages. */
export function asbApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'GET',
    url: '/case-panels/:id/asb-applications',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'The application tracker: each ASB case review application, its clocks on today’s London day, and its flags',
    params: idParams,
    response: z.object({
      asOf: z.string(),
      applications: z.array(
        z.object({
          id: z.number(),
          applicantName: z.string(),
          receivedOn: z.string(),
          clocks: z.array(clock),
          thresholdMet: z.boolean().nullable(),
          repeatVictim: z.boolean(),
          repeatLocation: z.boolean(),
        }),
      ),
    }),
    handler: async ({ request, params }) => {
      const tracker = await cases.asbTracker(whoOf(request), params.id)
      return { asOf: tracker.asOf, applications: tracker.applications }
    },
  })
  api.add({
    method: 'POST',
    url: '/case-panels/:id/asb-applications',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Record an ASB case review application with the complaints it reports',
    params: idParams,
    body: applicationInput,
    status: 201,
    response: application,
    handler: async ({ request, params, body }) => {
      const who = whoOf(request)
      return cases.getApplication(who, await cases.createApplication(who, params.id, body))
    },
  })
  api.add({
    method: 'GET',
    url: '/case-asb-applications/:id',
    record: 'asbApplication',
    permission: 'cases:view',
    tag: TAG,
    summary: 'One application: threshold test, clocks, decision, review and flags (the panel’s members only)',
    params: idParams,
    response: application,
    handler: async ({ request, params }) => cases.getApplication(whoOf(request), params.id),
  })
  api.add({
    method: 'POST',
    url: '/case-asb-applications/:id/steps',
    record: 'asbApplication',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Record the acknowledgement, the decision on the threshold, or the review meeting',
    params: idParams,
    body: stepInput,
    response: application,
    handler: async ({ request, params, body }) => {
      const who = whoOf(request)
      await cases.recordAsbStep(who, params.id, body)
      return cases.getApplication(who, params.id)
    },
  })
}
