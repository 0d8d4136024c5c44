import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParams } from '../../../http/api.ts'
import { type FieldErrors, ValidationError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { dayText, noticeOf, whoOf } from '../pages/common.ts'
import { recordFormPoster } from '../pages/record-form-post.ts'
import { paths } from '../paths.ts'
import { GENDERS } from '../referrals/schema.ts'
import type { ConcernCandidate } from './mase-record.ts'
import { profileCsv } from './problem-profile.ts'
import {
  DISRUPTION_STATUS_LABELS,
  DISRUPTION_STATUSES,
  DISRUPTION_TYPE_LABELS,
  DISRUPTION_TYPES,
  LOCATION_TYPE_LABELS,
  LOCATION_TYPES,
} from './schema.ts'

const PAGE = 'cases/views/mase-case.njk'
const PROFILE = 'cases/views/mase-profile.njk'

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, text: labels[value] }))

/** A person of concern from the form: the match answers come as match_<subject id> radios. */
function personFromForm(body: Record<string, string>) {
  return {
    forename: body.forename,
    surname: body.surname,
    dateOfBirth: body.dateOfBirth,
    gender: body.gender,
    matches: Object.fromEntries(
      Object.entries(body)
        .filter(([k, v]) => k.startsWith('match_') && v)
        .map(([k, v]) => [k.slice('match_'.length), v]),
    ),
  }
}

/** A MASE case's places, persons of concern and disruptions, and the panel's problem profile. */
export function maseRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases'>) {
  const view = { permission: 'cases:view' as const }

  async function page(
    request: FastifyRequest,
    id: number,
    errors?: FieldErrors,
    candidates?: ConcernCandidate[],
  ) {
    const record = await cases.maseRecord(whoOf(request), id)
    return {
      pageTitle: `MASE: case ${id}`,
      record,
      locationItems: options(LOCATION_TYPES, LOCATION_TYPE_LABELS),
      disruptionItems: options(DISRUPTION_TYPES, DISRUPTION_TYPE_LABELS),
      statusItems: options(DISRUPTION_STATUSES, DISRUPTION_STATUS_LABELS),
      genderItems: GENDERS.map((g) => ({
        value: g,
        text: g.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()),
      })),
      organisationItems: record.organisations.map((o) => ({ value: String(o.id), text: o.name })),
      candidates,
      dayText,
      values: errors || candidates ? formBody(request.body) : {},
      errors,
      notice: noticeOf(request),
      backLink: paths.cases.case(id),
    }
  }

  app.get('/cases/:id/mase', { config: { ...view, record: 'maseCase' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    return reply.page(PAGE, await page(request, id))
  })

  const post = recordFormPoster(app, { name: 'maseCase', template: PAGE, page, pathOf: paths.cases.mase })

  post(
    '/cases/:id/mase/locations',
    (request, id) => cases.addMaseLocation(whoOf(request), id, request.body),
    'Place linked',
    'locations',
  )
  post(
    '/cases/:id/mase/disruptions',
    (request, id) => cases.addDisruption(whoOf(request), id, request.body),
    'Disruption action added',
    'disruptions',
  )

  // Two steps, as a referral's: first the people Safer already holds who may be this person, each to
  // be answered; nobody is linked to an existing person unless a member says they are the same.
  app.post('/cases/:id/mase/persons', { config: { ...view, record: 'maseCase' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const body = formBody(request.body)
    const person = personFromForm(body)
    try {
      const candidates = await cases.concernCandidates(whoOf(request), id, person)
      const unanswered = candidates.some((c) => !person.matches[String(c.subjectId)])
      if (unanswered && body.step !== 'confirm')
        return reply.code(200).page(PAGE, await page(request, id, undefined, candidates))
      await cases.addPersonOfConcern(whoOf(request), id, person)
      return reply.redirect(`${withNotice(paths.cases.mase(id), 'Person of concern added')}#persons`, 303)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const candidates = error.fieldErrors.matches
        ? await cases.concernCandidates(whoOf(request), id, person)
        : undefined
      return reply.code(400).page(PAGE, await page(request, id, error.fieldErrors, candidates))
    }
  })

  app.post(
    '/cases/mase-disruptions/:id',
    { config: { ...view, record: 'maseDisruption' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      try {
        const caseId = await cases.updateDisruption(whoOf(request), id, request.body)
        return reply.redirect(
          `${withNotice(paths.cases.mase(caseId), 'Disruption action updated')}#disruptions`,
          303,
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        // Each disruption has its own form on the case page: its errors are named for it.
        const errors = Object.fromEntries(
          Object.entries(error.fieldErrors).map(([k, v]) => [`d${id}_${k}`, v]),
        )
        return reply
          .code(400)
          .page(PAGE, await page(request, await cases.disruptionCaseOf(whoOf(request), id), errors))
      }
    },
  )

  app.get(
    '/cases/panels/:id/problem-profile',
    { config: { ...view, record: 'masePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const { panel, places } = await cases.problemProfile(whoOf(request), id)
      return reply.page(PROFILE, {
        pageTitle: `Problem profile: ${panel.name}`,
        panel,
        places,
        backLink: paths.cases.panel(id),
      })
    },
  )

  app.get(
    '/cases/panels/:id/problem-profile/csv',
    { config: { ...view, record: 'masePanel' } },
    async (request, reply) => {
      const { id } = parseInput(idParams, request.params)
      const csv = profileCsv(await cases.problemProfileExport(whoOf(request), id))
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="mase-problem-profile-${id}.csv"`)
        .send(csv)
    },
  )
}
