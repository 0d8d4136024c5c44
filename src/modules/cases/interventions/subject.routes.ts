import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { NotFoundError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { OFFENCE_GROUPS, OUTCOME_KIND_LABELS } from '../outcomes/schema.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { paths } from '../paths.ts'
import { OUTCOME_EVENT_KINDS } from '../rules/cohort-outcomes.ts'
import type { Episode } from './intervention.ts'
import {
  ENDING_LABELS,
  ENDINGS,
  REASON_CODE_LABELS,
  REASON_CODES,
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_OUTCOMES,
} from './schema.ts'

const PAGE = 'cases/views/subject-interventions.njk'
const EPISODE_FORM = 'cases/views/episode-form.njk'
const EPISODE = 'cases/views/episode.njk'
const OUTCOME_FORM = 'cases/views/outcome-form.njk'

const items = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, text: labels[v] }))
const outcomeItems = items(REFERRAL_OUTCOMES, REFERRAL_OUTCOME_LABELS)
const endingItems = items(ENDINGS, ENDING_LABELS)
const reasonItems = items(REASON_CODES, REASON_CODE_LABELS)
const kindItems = items(OUTCOME_EVENT_KINDS, OUTCOME_KIND_LABELS)
const groupItems = OFFENCE_GROUPS.map((g) => ({ value: g.id, text: g.label }))

/** A subject the reader may not see is "Person not found", whichever record refused. */
const asPerson = (error: unknown) => {
  throw error instanceof NotFoundError ? new NotFoundError('Person') : error
}

const episodeValues = (e: Episode) => ({
  referralOutcome: e.referralOutcome,
  outcomeOn: e.outcomeOn ?? '',
  reasonCode: e.reasonCode ?? '',
  startedOn: e.startedOn ?? '',
  endedOn: e.endedOn ?? '',
  ending: e.ending ?? '',
  notes: e.notes ?? '',
  version: String(e.version),
})

/** A subject's interventions and outcomes: for those who may read one of the recording panels' cases. */
export function subjectInterventionRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const, record: 'caseSubject' }

  app.get('/cases/subjects/:id/interventions', { config: view }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const who = whoOf(request)
    const { subject } = await cases.getSubject(who, id).catch(asPerson)
    const { reach, episodes } = await cases.listEpisodes(who, id)
    const events = await cases.listOutcomeEvents(who, id)
    return reply.page(PAGE, {
      pageTitle: `${subject.forename} ${subject.surname}: interventions and outcomes`,
      subject,
      episodes: episodes.map((e) => ({ ...e, referred: dayText(e.referredOn) })),
      events: events.map((e) => ({ ...e, day: dayText(e.date), proven: dayText(e.provenOn) })),
      groupLabels: Object.fromEntries(OFFENCE_GROUPS.map((g) => [g.id, g.label])),
      mayRecord: reach.recordable.length > 0,
      breakGlass: reach.readable.some((p) => p.by === 'break-glass'),
      notice: noticeOf(request),
      backLink: paths.cases.subject(id),
    })
  })

  async function episodeForm(request: FastifyRequest, id: number, extra: Record<string, unknown>) {
    const panels = await cases.recordingPanels(whoOf(request), id).catch(asPerson)
    return {
      template: EPISODE_FORM,
      pageTitle: 'Refer to a service',
      subjectId: id,
      serviceItems: (await cases.listInterventions()).map((i) => ({
        value: i.id,
        text: `${i.name} (${i.provider.shortName || i.provider.name})`,
      })),
      panelItems: panels.length > 1 ? panels.map((p) => ({ value: p.id, text: p.name })) : [],
      backLink: paths.cases.subjectInterventions(id),
      ...extra,
    }
  }

  app.get('/cases/subjects/:id/episodes/new', { config: view }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { template, ...data } = await episodeForm(request, id, {
      values: { referredOn: londonToday() },
    })
    return reply.page(template, data)
  })

  app.post('/cases/subjects/:id/episodes', { config: view }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return submitForm(
      reply,
      async () => {
        await cases.referToIntervention(whoOf(request), id, request.body)
        return withNotice(paths.cases.subjectInterventions(id), 'Referral to the service recorded')
      },
      ({ errors }) => episodeForm(request, id, { values: formBody(request.body), errors }),
    )
  })

  async function episodePage(request: FastifyRequest, id: number, extra: Record<string, unknown> = {}) {
    const found = await cases.getEpisode(whoOf(request), id)
    return {
      template: EPISODE,
      pageTitle: `${found.intervention.name}: episode ${found.id}`,
      found,
      referred: dayText(found.referredOn),
      answered: dayText(found.outcomeOn),
      started: dayText(found.startedOn),
      ended: dayText(found.endedOn),
      outcomeItems,
      endingItems,
      reasonItems,
      values: episodeValues(found),
      notice: noticeOf(request),
      backLink: paths.cases.subjectInterventions(found.subjectId),
      ...extra,
    }
  }

  app.get('/cases/episodes/:id', { config: { ...view, record: 'episode' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { template, ...data } = await episodePage(request, id)
    return reply.page(template, data)
  })

  app.post('/cases/episodes/:id', { config: { ...view, record: 'episode' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return submitForm(
      reply,
      async () => {
        await cases.updateEpisode(whoOf(request), id, request.body)
        return withNotice(paths.cases.episode(id), 'Episode updated')
      },
      ({ errors }) => episodePage(request, id, { values: formBody(request.body), errors, notice: undefined }),
    )
  })

  async function outcomeForm(request: FastifyRequest, id: number, extra: Record<string, unknown>) {
    const panels = await cases.recordingPanels(whoOf(request), id).catch(asPerson)
    return {
      template: OUTCOME_FORM,
      pageTitle: 'Record an outcome',
      subjectId: id,
      kindItems,
      groupItems,
      panelItems: panels.length > 1 ? panels.map((p) => ({ value: p.id, text: p.name })) : [],
      backLink: paths.cases.subjectInterventions(id),
      ...extra,
    }
  }

  app.get('/cases/subjects/:id/outcomes/new', { config: view }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const { template, ...data } = await outcomeForm(request, id, { values: {} })
    return reply.page(template, data)
  })

  app.post('/cases/subjects/:id/outcomes', { config: view }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return submitForm(
      reply,
      async () => {
        await cases.recordOutcomeEvent(whoOf(request), id, request.body)
        return withNotice(paths.cases.subjectInterventions(id), 'Outcome recorded')
      },
      ({ errors }) => outcomeForm(request, id, { values: formBody(request.body), errors }),
    )
  })
}
