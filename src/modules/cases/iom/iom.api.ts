import { z } from 'zod'
import type { ApiRegistry } from '../../../http/api.ts'
import { idDigits } from '../../../shared/validation.ts'
import type { Services } from '../../module.ts'
import { TAG, whoOf } from '../api/common.ts'
import { IOM_COHORTS, IOM_PATHWAYS, NEED_LEVELS, PROGRESS_STATES } from '../rules/iom-cohorts.ts'
import {
  decisionInput,
  deselectionInput,
  offenceInput,
  pathwayInput,
  selectionInput,
  settingsInput,
} from './schema.ts'

const panelParams = z.object({ id: idDigits('Must be a panel id') })
const subjectParams = panelParams.extend({ iomSubject: idDigits('Must be a subject id') })

const score = z.object({
  asOf: z.string(),
  total: z.number(),
  components: z.object({ recency: z.number(), frequency: z.number(), gravity: z.number() }),
  offencesInWindow: z.number(),
  latestOffence: z.string().nullable(),
  offences: z.array(
    z.object({
      offence: z.object({ date: z.string(), group: z.string(), homeOfficeCode: z.string().optional() }),
      scoredAs: z.string(),
      unknownGroup: z.boolean(),
      inWindow: z.boolean(),
      band: z.number().nullable(),
      recency: z.number(),
      frequency: z.number(),
      gravity: z.number(),
      gravityFrom: z.enum(['group', 'home-office-code']),
      priority: z.number(),
      total: z.number(),
    }),
  ),
  notes: z.array(z.string()),
})
const decision = z.object({
  id: z.number(),
  decision: z.enum(['accepted', 'rejected']),
  decidedOn: z.string(),
  score: z.number(),
  reason: z.string(),
})
const candidate = z.object({
  rank: z.number(),
  subjectId: z.number(),
  name: z.string(),
  score,
  decision: decision.nullable(),
})
const membership = z.object({
  id: z.number(),
  cohort: z.enum(IOM_COHORTS),
  cohortLabel: z.string(),
  selectedOn: z.string(),
  selectionReason: z.string(),
  eligibility: z.string(),
  deselectedOn: z.string().nullable(),
  deselectionReason: z.string().nullable(),
  deselectionReasonLabel: z.string().nullable(),
  deselectionNote: z.string().nullable(),
  daysOnCohort: z.number(),
  version: z.number(),
})
const pathway = z.object({
  pathway: z.enum(IOM_PATHWAYS),
  label: z.string(),
  need: z.enum(NEED_LEVELS),
  progress: z.enum(PROGRESS_STATES).nullable(),
  reviewedOn: z.string(),
  note: z.string().nullable(),
})
const candidates = z.object({ candidates: z.array(candidate), rejected: z.array(candidate) })
const board = candidates.extend({
  panelId: z.number(),
  panelName: z.string(),
  asOf: z.string(),
  cohorts: z.array(
    z.object({
      cohort: z.enum(IOM_COHORTS),
      label: z.string(),
      people: z.array(
        z.object({ subjectId: z.number(), name: z.string(), membership, score, pathways: z.array(pathway) }),
      ),
    }),
  ),
})
const subjectRecord = z.object({
  panelId: z.number(),
  panelName: z.string(),
  subjectId: z.number(),
  name: z.string(),
  score,
  offences: z.array(
    z.object({
      id: z.number(),
      date: z.string(),
      group: z.string(),
      groupLabel: z.string(),
      homeOfficeCode: z.string().optional(),
      sourceNote: z.string().nullable(),
    }),
  ),
  decisions: z.array(decision),
  memberships: z.array(membership),
  current: membership.nullable(),
  pathways: z.array(pathway),
  access: z.enum(['member', 'break-glass']),
  mayChange: z.boolean(),
})
const settings = z.object({
  matrix: z.unknown(),
  eligibility: z.object({ withinMonths: z.number(), flexGroups: z.array(z.string()).optional() }),
  version: z.number().nullable(),
})

/** IOM under the same need to know as its pages: the service refuses, so no route can differ. */
export function iomApi(api: ApiRegistry, { cases }: Pick<Services, 'cases'>) {
  const base = '/case-panels/:id/iom'
  const common = { permission: 'cases:view' as const, record: 'iomPanel', tag: TAG }
  api.add({
    ...common,
    method: 'GET',
    url: `${base}/board`,
    summary:
      'The IOM cohort board: each cohort with scores, pathways and days on it, and the candidates (members only)',
    params: panelParams,
    response: board,
    handler: async ({ request, params }) => cases.cohortBoard(whoOf(request), params.id),
  })
  api.add({
    ...common,
    method: 'GET',
    url: `${base}/candidates`,
    summary: 'The IOM candidates ranked by selection score, with the panel’s latest decision (members only)',
    params: panelParams,
    response: candidates,
    handler: async ({ request, params }) => cases.iomCandidates(whoOf(request), params.id),
  })
  api.add({
    ...common,
    method: 'GET',
    url: `${base}/settings`,
    summary: 'The panel’s IOM scoring matrix and eligibility rules (the defaults until it sets its own)',
    params: panelParams,
    response: settings,
    handler: async ({ params }) => cases.iomSettings(params.id),
  })
  api.add({
    ...common,
    permission: 'cases:manage-panels',
    method: 'PUT',
    url: `${base}/settings`,
    summary: 'Set the panel’s scoring matrix and eligibility rules (administrators, partnership managers)',
    params: panelParams,
    body: settingsInput,
    response: settings,
    handler: async ({ request, params, body }) => cases.updateIomSettings(whoOf(request), params.id, body),
  })
  api.add({
    ...common,
    method: 'GET',
    url: `${base}/subjects/:iomSubject`,
    summary: 'A person’s IOM record: offences, score and breakdown, decisions, cohorts and pathways',
    params: subjectParams,
    response: subjectRecord,
    handler: async ({ request, params }) => cases.subjectIom(whoOf(request), params.id, params.iomSubject),
  })
  api.add({
    ...common,
    method: 'GET',
    url: `${base}/subjects/:iomSubject/score`,
    summary: 'A person’s selection score today with its breakdown',
    params: subjectParams,
    response: score,
    handler: async ({ request, params }) => cases.iomScore(whoOf(request), params.id, params.iomSubject),
  })
  const change = (
    path: string,
    summary: string,
    body: z.ZodType,
    act: (
      who: ReturnType<typeof whoOf>,
      panelId: number,
      subjectId: number,
      input: unknown,
    ) => Promise<unknown>,
  ) =>
    api.add({
      ...common,
      method: 'POST',
      url: `${base}/subjects/:iomSubject/${path}`,
      summary,
      params: subjectParams,
      body,
      response: subjectRecord,
      handler: async ({ request, params, body: input }) => {
        await act(whoOf(request), params.id, params.iomSubject, input)
        return cases.subjectIom(whoOf(request), params.id, params.iomSubject)
      },
    })
  change('offences', 'Record an offence on the person (members only)', offenceInput, cases.recordOffence)
  change(
    'decision',
    'Accept or reject the person as a candidate, with the panel’s reason',
    decisionInput,
    cases.decideCandidate,
  )
  change(
    'cohort',
    'Select the person into the Fixed, Flex or Free cohort (eligibility is checked)',
    selectionInput,
    cases.selectIntoCohort,
  )
  change(
    'deselect',
    'De-select the person from their cohort, with the reason',
    deselectionInput,
    cases.deselectFromCohort,
  )
  change('pathways', 'Record a pathway’s need and progress', pathwayInput, cases.savePathway)
}
