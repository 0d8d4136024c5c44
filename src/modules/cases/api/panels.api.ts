import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { LEGAL_BASES, PANEL_TYPES, panelChanges, panelInput } from '../panels/schema.ts'
import { TAG, whoOf } from './common.ts'

const panel = z.object({
  id: z.number(),
  name: z.string(),
  type: z.enum(PANEL_TYPES),
  typeLabel: z.string(),
  termsOfReference: z.string(),
  chair: z.object({ id: z.number(), name: z.string(), email: z.string() }),
  cadence: z.string(),
  organisations: z.array(z.object({ id: z.number(), name: z.string() })),
  members: z.array(
    z.object({ id: z.number(), name: z.string(), email: z.string(), organisationName: z.string() }),
  ),
  isa: z.object({
    parties: z.array(z.string()),
    legalBasis: z.enum(LEGAL_BASES),
    legalBasisLabel: z.string(),
    reviewDate: z.string(),
    reviewOverdue: z.boolean(),
  }),
  retentionYears: z.number(),
  escalationIncidents: z.number(),
  version: z.number(),
})

/** Panels: who sits on them and the agreement they share under. Never their cases (see cases.api.ts). */
export function panelsApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'GET',
    url: '/case-panels',
    permission: 'cases:view',
    tag: TAG,
    summary: 'List the risk panels, their members and information sharing agreements',
    response: z.object({ panels: z.array(panel) }),
    handler: async () => ({ panels: await cases.listPanels() }),
  })
  api.add({
    method: 'GET',
    url: '/case-panels/:id',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'One risk panel',
    params: idParams,
    response: panel,
    handler: async ({ params }) => cases.getPanel(params.id),
  })
  api.add({
    method: 'POST',
    url: '/case-panels',
    permission: 'cases:manage-panels',
    tag: TAG,
    summary: 'Set up a risk panel (gives no right to read its cases)',
    body: panelInput,
    status: 201,
    response: panel,
    handler: async ({ request, body }) => cases.getPanel(await cases.createPanel(whoOf(request), body)),
  })
  api.add({
    method: 'PUT',
    url: '/case-panels/:id',
    record: 'casePanel',
    permission: 'cases:manage-panels',
    tag: TAG,
    summary: 'Change a risk panel (a stale version answers 409)',
    params: idParams,
    body: panelChanges,
    response: panel,
    handler: async ({ request, params, body }) => {
      await cases.updatePanel(whoOf(request), params.id, body)
      return cases.getPanel(params.id)
    },
  })
}
