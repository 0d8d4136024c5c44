import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { VAF_DIMENSIONS, VAF_STATUSES } from '../rules/vaf-factors.ts'
import { CONSENT_DECISIONS, CONSENT_GIVERS } from './consent-policy.ts'
import { consentInput, SUPPORT_TYPES, supportInput, vafInput } from './schema.ts'

const perDimension = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(VAF_DIMENSIONS.map((d) => [d, value])) as Record<(typeof VAF_DIMENSIONS)[number], T>,
  )
const counts = z.object({ present: z.number(), 'not-present': z.number(), 'not-known': z.number() })
const consent = z.object({
  id: z.number(),
  decision: z.enum(CONSENT_DECISIONS),
  decisionLabel: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  givenByLabel: z.string(),
  decidedOn: z.string(),
  obtainedBy: z.string(),
  note: z.string().nullable(),
})

const channelRecord = z.object({
  caseId: z.number(),
  panelId: z.number(),
  panelName: z.string(),
  status: z.string(),
  access: z.enum(['member', 'break-glass']),
  mayChange: z.boolean(),
  assessments: z.array(
    z.object({
      id: z.number(),
      assessedOn: z.string(),
      ratings: z.array(
        z.object({
          factorId: z.string(),
          dimension: z.enum(VAF_DIMENSIONS),
          name: z.string(),
          status: z.enum(VAF_STATUSES),
          note: z.string().nullable(),
        }),
      ),
      counts: perDimension(counts),
    }),
  ),
  series: z.array(z.object({ assessedOn: z.string(), present: perDimension(z.number()) })),
  change: z
    .object({
      from: z.string(),
      to: z.string(),
      dimensions: perDimension(z.object({ before: z.number(), after: z.number(), change: z.number() })),
      factors: z.array(
        z.object({
          factor: z.object({
            id: z.string(),
            dimension: z.enum(VAF_DIMENSIONS),
            number: z.number(),
            name: z.string(),
          }),
          from: z.enum(VAF_STATUSES),
          to: z.enum(VAF_STATUSES),
          movement: z.string(),
        }),
      ),
    })
    .nullable(),
  consents: z.array(consent),
  standingConsent: consent.nullable(),
  steps: z.array(z.enum(['support', 'close', 'refer-elsewhere'])),
  support: z.array(
    z.object({
      id: z.number(),
      supportType: z.enum(SUPPORT_TYPES),
      supportTypeLabel: z.string(),
      provider: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
})

/** Channel over the API: the same service as the pages, so the same need to know and audit. */
export function channelApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  const common = { record: 'channelCase', permission: 'cases:view' as const, tag: TAG, params: idParams }
  api.add({
    ...common,
    method: 'GET',
    url: '/cases/:id/channel',
    summary:
      'A Channel case’s VAF assessments with the change chart’s series, consent and support: members (or break glass) only',
    response: channelRecord,
    handler: async ({ request, params }) => cases.channelRecord(whoOf(request), params.id),
  })
  api.add({
    ...common,
    method: 'POST',
    url: '/cases/:id/channel/vaf',
    summary:
      'Record a VAF assessment: all 22 factors, each present, not present or not known, with an optional note',
    body: vafInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.assessVaf(whoOf(request), params.id, body),
    }),
  })
  api.add({
    ...common,
    method: 'POST',
    url: '/cases/:id/channel/consent',
    summary:
      'Record a consent decision: the person’s own, or a child’s parent’s or guardian’s, with who obtained it',
    body: consentInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.recordChannelConsent(whoOf(request), params.id, body),
    }),
  })
  api.add({
    ...common,
    method: 'POST',
    url: '/cases/:id/channel/support',
    summary: 'Add an item to the support package: refused unless consent given stands',
    body: supportInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.addChannelSupport(whoOf(request), params.id, body),
    }),
  })
}
