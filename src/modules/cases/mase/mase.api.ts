import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import {
  DISRUPTION_STATUSES,
  DISRUPTION_TYPES,
  disruptionInput,
  disruptionUpdate,
  LOCATION_TYPES,
  locationInput,
  personOfConcernInput,
} from './schema.ts'

const person = z.object({ subjectId: z.number(), name: z.string() })
const created = z.object({ id: z.number() })
const shown = z.union([z.number(), z.string()])

const maseRecord = z.object({
  caseId: z.number(),
  panelId: z.number(),
  panelName: z.string(),
  status: z.string(),
  access: z.enum(['member', 'break-glass']),
  mayChange: z.boolean(),
  children: z.array(person),
  personsOfConcern: z.array(person),
  locations: z.array(
    z.object({
      id: z.number(),
      locationType: z.enum(LOCATION_TYPES),
      locationTypeLabel: z.string(),
      place: z.string(),
      otherCases: z.number(),
    }),
  ),
  disruptions: z.array(
    z.object({
      id: z.number(),
      caseId: z.number(),
      disruptionType: z.enum(DISRUPTION_TYPES),
      disruptionTypeLabel: z.string(),
      detail: z.string(),
      ownerOrganisation: z.object({ id: z.number(), name: z.string() }),
      dueOn: z.string(),
      status: z.enum(DISRUPTION_STATUSES),
      statusLabel: z.string(),
      result: z.string().nullable(),
      version: z.number(),
    }),
  ),
  organisations: z.array(z.object({ id: z.number(), name: z.string() })),
})

/** MASE over the API: the same service as the pages, so the same need to know and audit. */
export function maseApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  const onCase = { record: 'maseCase', permission: 'cases:view' as const, tag: TAG, params: idParams }
  api.add({
    ...onCase,
    method: 'GET',
    url: '/cases/:id/mase',
    summary:
      'A MASE case’s linked places, persons of concern and disruption actions: members (or break glass) only',
    response: maseRecord,
    handler: async ({ request, params }) => cases.maseRecord(whoOf(request), params.id),
  })
  api.add({
    ...onCase,
    method: 'POST',
    url: '/cases/:id/mase/locations',
    summary: 'Link a place to the child: sealed, matched to other cases by keyed hash',
    body: locationInput,
    status: 201,
    response: created,
    handler: async ({ request, params, body }) => ({
      id: await cases.addMaseLocation(whoOf(request), params.id, body),
    }),
  })
  api.add({
    ...onCase,
    method: 'POST',
    url: '/cases/:id/mase/persons/check',
    summary:
      'The people Safer already holds who may be this person of concern, each to be answered same or different',
    body: personOfConcernInput,
    response: z.object({
      candidates: z.array(
        z.object({
          subjectId: z.number(),
          matchedOn: z.enum(['name-dob', 'surname-dob']),
          panels: z.array(
            z.object({
              panelId: z.number(),
              panelName: z.string(),
              chairName: z.string(),
              chairEmail: z.string(),
            }),
          ),
        }),
      ),
    }),
    handler: async ({ request, params, body }) => ({
      candidates: await cases.concernCandidates(whoOf(request), params.id, body),
    }),
  })
  api.add({
    ...onCase,
    method: 'POST',
    url: '/cases/:id/mase/persons',
    summary: 'Add a person of concern: every candidate answered in matches; never merged without "same"',
    body: personOfConcernInput,
    status: 201,
    response: z.object({ subjectId: z.number() }),
    handler: async ({ request, params, body }) => ({
      subjectId: await cases.addPersonOfConcern(whoOf(request), params.id, body),
    }),
  })
  api.add({
    ...onCase,
    method: 'POST',
    url: '/cases/:id/mase/disruptions',
    summary: 'Add a disruption action owned by one of the panel’s organisations',
    body: disruptionInput,
    status: 201,
    response: created,
    handler: async ({ request, params, body }) => ({
      id: await cases.addDisruption(whoOf(request), params.id, body),
    }),
  })
  api.add({
    record: 'maseDisruption',
    permission: 'cases:view',
    tag: TAG,
    params: idParams,
    method: 'PUT',
    url: '/case-disruptions/:id',
    summary: 'Update a disruption action’s status and result: the panel’s members only',
    body: disruptionUpdate,
    response: z.object({ caseId: z.number() }),
    handler: async ({ request, params, body }) => ({
      caseId: await cases.updateDisruption(whoOf(request), params.id, body),
    }),
  })
  const onPanel = { record: 'masePanel', permission: 'cases:view' as const, tag: TAG, params: idParams }
  api.add({
    ...onPanel,
    method: 'GET',
    url: '/case-panels/:id/problem-profile',
    summary: 'The MASE panel’s problem profile, places named: its members only',
    response: z.object({
      places: z.array(
        z.object({
          place: z.string(),
          locationType: z.enum(LOCATION_TYPES),
          locationTypeLabel: z.string(),
          children: z.number(),
          caseIds: z.array(z.number()),
        }),
      ),
    }),
    handler: async ({ request, params }) => ({
      places: (await cases.problemProfile(whoOf(request), params.id)).places,
    }),
  })
  api.add({
    ...onPanel,
    method: 'GET',
    url: '/case-panels/:id/problem-profile/counts',
    summary: 'The problem profile as it may leave the panel: counts by type of place, 1 to 4 as "<5"',
    response: z.object({
      rows: z.array(
        z.object({ locationType: z.enum(LOCATION_TYPES), label: z.string(), places: shown, children: shown }),
      ),
      total: z.object({ places: shown, children: shown }),
    }),
    handler: async ({ request, params }) => cases.problemProfileExport(whoOf(request), params.id),
  })
}
