import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { CONSENTS, breakGlassInput, moveInput, referralInput, searchInput } from '../referrals/schema.ts'
import { REFERRAL_STATUSES } from '../referrals/lifecycle.ts'
import { caseSummary, signpost, TAG, whoOf } from './common.ts'

const fullCase = caseSummary.extend({
  referringOrganisation: z.object({ id: z.number(), name: z.string() }),
  referringOfficer: z.object({ id: z.number(), name: z.string() }),
  reasons: z.string(),
  risk: z.string(),
  consent: z.enum(CONSENTS),
  consentLabel: z.string(),
  shareWithoutConsent: z
    .object({ reason: z.string(), legalBasis: z.string(), legalBasisLabel: z.string() })
    .nullable(),
  declineReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  heardOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  daysToPanel: z.number().nullable(),
  nextStatuses: z.array(z.enum(REFERRAL_STATUSES)),
  access: z.enum(['member', 'break-glass']),
  breakGlassUntil: z.string().nullable(),
  mayChange: z.boolean(),
  mayReadAccessLog: z.boolean(),
  version: z.number(),
  // What the panel has done with the case: Dash assessments, meetings, actions, the safety plan.
  assessments: z.array(z.record(z.string(), z.unknown())),
  meetings: z.array(z.record(z.string(), z.unknown())),
  actions: z.array(z.record(z.string(), z.unknown())),
  safetyPlan: z.string().nullable(),
})
const casesQuery = z.object({
  panel: z.string().regex(/^\d+$/, 'Must be a panel id').transform(Number).optional(),
})
const matches = z.array(
  z.object({
    index: z.number(),
    candidates: z.array(
      z.object({
        subjectId: z.number(),
        matchedOn: z.enum(['name-dob', 'surname-dob']),
        panels: z.array(signpost.omit({ caseIds: true })),
      }),
    ),
  }),
)
const searchResult = z.object({ cases: z.array(caseSummary), signposts: z.array(signpost) })

/** Cases under the same need to know as the pages: the service refuses, so no route can differ. */
export function casesApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'GET',
    url: '/cases',
    permission: 'cases:view',
    tag: TAG,
    summary: 'The cases of the panels you sit on (?panel= for one); nobody else’s',
    query: casesQuery,
    response: z.object({ cases: z.array(caseSummary) }),
    handler: async ({ request, query }) => ({
      cases: await cases.listCases(whoOf(request), { panelId: query.panel }),
    }),
  })
  api.add({
    method: 'POST',
    url: '/cases/referrals/check',
    permission: 'cases:refer',
    tag: TAG,
    summary:
      'Check a referral and find the people Safer may already hold (by blind index), to confirm or reject',
    body: referralInput,
    response: z.object({ matches }),
    handler: async ({ request, body }) => ({ matches: await cases.checkReferral(whoOf(request), body) }),
  })
  api.add({
    method: 'POST',
    url: '/cases',
    permission: 'cases:refer',
    tag: TAG,
    summary: 'Refer a case: every match candidate must be answered in subjects[].matches',
    body: referralInput,
    status: 201,
    // The Dash result (repeat included) is the referrer's to see, member or not.
    response: z.object({ id: z.number(), dash: z.record(z.string(), z.unknown()).nullable() }),
    handler: async ({ request, body }) => cases.refer(whoOf(request), body),
  })
  api.add({
    method: 'POST',
    url: '/cases/search',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Search and signpost: your panels’ cases, and for others only the panel and its chair',
    body: searchInput,
    response: searchResult,
    handler: async ({ request, body }) => cases.search(whoOf(request), body),
  })
  api.add({
    method: 'GET',
    url: '/cases/:id',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary: 'One case, for its panel’s members or during your break glass (404 otherwise)',
    params: idParams,
    response: fullCase,
    handler: async ({ request, params }) => cases.getCase(whoOf(request), params.id),
  })
  api.add({
    method: 'POST',
    url: '/cases/:id/status',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Accept, decline (with a reason), record heard or close a case: members only',
    params: idParams,
    body: moveInput,
    response: fullCase,
    handler: async ({ request, params, body }) => {
      await cases.moveCase(whoOf(request), params.id, body)
      return cases.getCase(whoOf(request), params.id)
    },
  })
  api.add({
    method: 'POST',
    url: '/cases/:id/break-glass',
    record: 'case',
    permission: 'cases:refer',
    tag: TAG,
    summary:
      'Open a case you are not a member for, with a written reason, for a limited time; the chair is told',
    params: idParams,
    body: breakGlassInput,
    status: 201,
    response: z.object({ id: z.number(), expiresAt: z.string() }),
    handler: async ({ request, params, body }) => cases.breakGlass(whoOf(request), params.id, body),
  })
  api.add({
    method: 'GET',
    url: '/cases/:id/access-log',
    record: 'case',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Who read or changed a case, and when: the panel chair only',
    params: idParams,
    response: z.object({
      entries: z.array(
        z.object({ at: z.string(), who: z.string(), action: z.string(), access: z.string().nullable() }),
      ),
    }),
    handler: async ({ request, params }) => ({ entries: await cases.accessLog(whoOf(request), params.id) }),
  })
  api.add({
    method: 'GET',
    url: '/case-subjects/:id',
    record: 'caseSubject',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A person, for someone who may read one of their cases (404 otherwise)',
    params: idParams,
    response: searchResult.extend({ subject: z.record(z.string(), z.unknown()) }),
    handler: async ({ request, params }) => cases.getSubject(whoOf(request), params.id),
  })
  api.add({
    method: 'GET',
    url: '/break-glass',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Break glass on the panels you chair, not yet marked seen',
    response: z.object({ alerts: z.array(z.record(z.string(), z.unknown())) }),
    handler: async ({ request }) => ({ alerts: await cases.breakGlassAlerts(request.user) }),
  })
}
