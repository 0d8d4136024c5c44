import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../../http/api.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { outcomeInput } from '../outcomes/schema.ts'
import { OUTCOME_EVENT_KINDS } from '../rules/cohort-outcomes.ts'
import {
  directoryFilter,
  ENDINGS,
  episodeInput,
  episodeProgress,
  INTERVENTION_KINDS,
  interventionChanges,
  interventionInput,
  REASON_CODES,
  REFERRAL_OUTCOMES,
} from './schema.ts'

const named = z.object({ id: z.number(), name: z.string() })
const intervention = z.object({
  id: z.number(),
  name: z.string(),
  provider: z.object({ id: z.number(), name: z.string(), shortName: z.string() }),
  kind: z.enum(INTERVENTION_KINDS),
  kindLabel: z.string(),
  description: z.string(),
  eligibility: z.string(),
  referralRoute: z.string(),
  contact: z.string(),
  panels: z.array(named),
  capacity: z.object({
    places: z.number().nullable(),
    inUse: z.number(),
    free: z.number().nullable(),
    over: z.boolean(),
  }),
  awaiting: z.number(),
  version: z.number(),
})
const episode = z.object({
  id: z.number(),
  subjectId: z.number(),
  panel: named,
  intervention: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(INTERVENTION_KINDS),
    providerName: z.string(),
  }),
  referredOn: z.string(),
  referralOutcome: z.enum(REFERRAL_OUTCOMES),
  referralOutcomeLabel: z.string(),
  outcomeOn: z.string().nullable(),
  reasonCode: z.enum(REASON_CODES).nullable(),
  reasonLabel: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  ending: z.enum(ENDINGS).nullable(),
  endingLabel: z.string().nullable(),
  stage: z.enum(['referred', 'accepted', 'started', 'ended', 'rejected']),
  stageLabel: z.string(),
  notes: z.string().nullable(),
  mayChange: z.boolean(),
  version: z.number(),
})
const outcomeEvent = z.object({
  id: z.number(),
  subjectId: z.string().describe('The subject id as text, as the cohort rules take it'),
  kind: z.enum(OUTCOME_EVENT_KINDS),
  kindLabel: z.string(),
  date: z.string().describe('The day it happened; for a proven reoffence, the day of the offence'),
  offenceGroup: z.string().optional(),
  provenOn: z.string().optional(),
  panel: named,
  notes: z.string().nullable(),
  recordedAt: z.string(),
})

/** The directory for every partner; episodes and outcomes under the recording panel's need to know. */
export function interventionsApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  api.add({
    method: 'GET',
    url: '/case-interventions',
    permission: 'cases:directory',
    tag: TAG,
    summary: 'The interventions directory (?kind=enforcement|prevention|diversion, ?panel=ID), with capacity',
    query: directoryFilter,
    response: z.object({ interventions: z.array(intervention) }),
    handler: async ({ query }) => ({ interventions: await cases.listInterventions(query) }),
  })
  api.add({
    method: 'GET',
    url: '/case-interventions/:id',
    record: 'intervention',
    permission: 'cases:directory',
    tag: TAG,
    summary: 'One service in the directory, with its places and those in use',
    params: idParams,
    response: intervention,
    handler: async ({ params }) => cases.getIntervention(params.id),
  })
  api.add({
    method: 'POST',
    url: '/case-interventions',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Add a service to the directory: administrators, partnership managers and panel chairs',
    body: interventionInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, body }) => ({ id: await cases.createIntervention(whoOf(request), body) }),
  })
  api.add({
    method: 'PUT',
    url: '/case-interventions/:id',
    record: 'intervention',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Change a service in the directory (a stale version answers 409)',
    params: idParams,
    body: interventionChanges,
    response: intervention,
    handler: async ({ request, params, body }) => {
      await cases.updateIntervention(whoOf(request), params.id, body)
      return cases.getIntervention(params.id)
    },
  })
  api.add({
    method: 'GET',
    url: '/case-subjects/:id/episodes',
    record: 'caseSubject',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'A person’s intervention episodes recorded by the panels whose cases you may read (404 otherwise)',
    params: idParams,
    response: z.object({ episodes: z.array(episode) }),
    handler: async ({ request, params }) => ({
      episodes: (await cases.listEpisodes(whoOf(request), params.id)).episodes,
    }),
  })
  api.add({
    method: 'POST',
    url: '/case-subjects/:id/episodes',
    record: 'caseSubject',
    permission: 'cases:view',
    tag: TAG,
    summary: 'Refer a person to a service: members of a panel holding one of their cases',
    params: idParams,
    body: episodeInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.referToIntervention(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'GET',
    url: '/case-episodes/:id',
    record: 'episode',
    permission: 'cases:view',
    tag: TAG,
    summary: 'One intervention episode, for those who may read the recording panel’s cases',
    params: idParams,
    response: episode,
    handler: async ({ request, params }) => cases.getEpisode(whoOf(request), params.id),
  })
  api.add({
    method: 'PUT',
    url: '/case-episodes/:id',
    record: 'episode',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'The service’s answer (accepted, rejected with a reason code, done), the start and the end: the recording panel’s members',
    params: idParams,
    body: episodeProgress,
    response: episode,
    handler: async ({ request, params, body }) => {
      await cases.updateEpisode(whoOf(request), params.id, body)
      return cases.getEpisode(whoOf(request), params.id)
    },
  })
  api.add({
    method: 'GET',
    url: '/case-subjects/:id/outcomes',
    record: 'caseSubject',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A person’s outcome events recorded by the panels whose cases you may read (404 otherwise)',
    params: idParams,
    response: z.object({ events: z.array(outcomeEvent) }),
    handler: async ({ request, params }) => ({
      events: await cases.listOutcomeEvents(whoOf(request), params.id),
    }),
  })
  api.add({
    method: 'POST',
    url: '/case-subjects/:id/outcomes',
    record: 'caseSubject',
    permission: 'cases:view',
    tag: TAG,
    summary:
      'Record an outcome: proven reoffence (with offence group), ETE started or sustained, treatment started, accommodation secured',
    params: idParams,
    body: outcomeInput,
    status: 201,
    response: z.object({ id: z.number() }),
    handler: async ({ request, params, body }) => ({
      id: await cases.recordOutcomeEvent(whoOf(request), params.id, body),
    }),
  })
  api.add({
    method: 'GET',
    url: '/case-panels/:id/outcomes',
    record: 'casePanel',
    permission: 'cases:view',
    tag: TAG,
    summary: 'A panel’s outcome events per subject of its cases, for its cohort report: members only',
    params: idParams,
    response: z.object({
      subjects: z.array(z.object({ subjectId: z.number(), events: z.array(outcomeEvent) })),
    }),
    handler: async ({ request, params }) => ({
      subjects: await cases.panelOutcomeEvents(whoOf(request), params.id),
    }),
  })
}
