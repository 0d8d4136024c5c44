import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../access/permissions.ts'
import { ConflictError, ValidationError } from '../../shared/errors.ts'
import { formBody } from '../../web/forms.ts'
import type { Services } from '../module.ts'
import type { ResolvedQuery } from './analysis/analysis.service.ts'
import { SERIOUS_VIOLENCE } from './analysis/definitions.service.ts'
import { periodLabel } from './analysis/months.ts'
import { coverageView } from './pages/coverage.view.ts'
import { dataLoadedView } from './pages/data.view.ts'
import { deprivationView, hotspotsView, stopSearchView } from './pages/insights.view.ts'
import { overviewView } from './pages/overview.view.ts'
import { type FormValues, filterForm, formValuesOf, heading, queryString } from './pages/page-data.ts'
import type { PageCoverage } from './pages/pages.service.ts'
import { seriousViolenceView } from './pages/serious-violence.view.ts'
import { paths } from './paths.ts'

const view = { permission: 'crime:view' as const }

type Query = Record<string, string | undefined>

interface PageSpec {
  template: string
  current: string
  title: string
  action: string
  /** Fixes query fields (serious violence always uses the local definition). */
  fixed?: Partial<Query>
  filterOptions?: { fixedSource?: boolean; noCrimeType?: boolean }
  /** The data the page counts, where not the query's source (its defaults and coverage follow it). */
  dataset?: 'stop-search'
  build(q: ResolvedQuery, request: FastifyRequest, covered: PageCoverage): Promise<Record<string, unknown>>
}

/** Whether the reader may build the strategic assessment (others are not shown the link). */
const mayAssess = (request: FastifyRequest) =>
  request.user ? can(request.user.role, 'assessment:build') : false

/** Crime pages: a GET form of choices, then the figures; bad choices show the form with errors. */
export function crimeRoutes(app: FastifyInstance, { crime }: Pick<Services, 'crime'>) {
  app.addHook('onClose', async () => crime.close())

  async function majors() {
    return [...new Set((await crime.recordedCategories()).map((c) => c.major))]
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    spec: PageSpec,
    extra: Record<string, unknown> = {},
  ) {
    const query = { ...(request.query as Query), ...spec.fixed }
    if (!query.source) query.source = await crime.defaultSource().catch(() => undefined)
    const base = {
      mayAssess: mayAssess(request),
      pageTitle: spec.title,
      current: spec.current,
      action: spec.action,
      filterOptions: spec.filterOptions,
      notice: query.notice,
      ...extra,
    }
    try {
      const q = await crime.analysis.resolve(query, { dataset: spec.dataset })
      const covered = await crime.pages.coverage(q, spec.dataset)
      const coverage = coverageView(
        q,
        covered,
        spec.action,
        spec.fixed?.crimeType ? undefined : query.crimeType,
      )
      // No month loaded: say so and where data is, rather than show zeros.
      const data = coverage.noMonths ? {} : await spec.build(q, request, covered)
      return reply.page(spec.template, {
        ...base,
        heading: spec.fixed?.crimeType ? `${spec.title} in ${q.area.name}` : heading(q),
        q,
        qs: queryString({ ...q, crimeType: spec.fixed?.crimeType ? undefined : query.crimeType }),
        form: filterForm(formValuesOf(q, query.crimeType), await majors(), {
          policeUkTypes: covered.policeUkTypes,
          unavailable: covered.coverage.leavesOut?.categories ?? [],
        }),
        coverage,
        results: !coverage.noMonths,
        ...data,
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const empty = await crime.isEmpty().catch(() => true)
      const values = query as FormValues
      return reply.code(empty ? 200 : 400).page(spec.template, {
        ...base,
        qs: '',
        form: filterForm(values, await majors()),
        errors: empty ? undefined : error.fieldErrors,
        noData: empty,
      })
    }
  }

  const pages: Array<[string, PageSpec]> = [
    [
      paths.crime.overview(),
      {
        template: 'crime/views/overview.njk',
        current: 'overview',
        title: 'Crime overview',
        action: paths.crime.overview(),
        build: async (q, _request, covered) =>
          overviewView(await crime.pages.overview(q, covered.detail ?? undefined)),
      },
    ],
    [
      paths.crime.hotspots(),
      {
        template: 'crime/views/hotspots.njk',
        current: 'hotspots',
        title: 'Hotspots and maps',
        action: paths.crime.hotspots(),
        build: async (q) => ({ view: hotspotsView(await crime.pages.hotspots(q)) }),
      },
    ],
    [
      paths.crime.deprivation(),
      {
        template: 'crime/views/deprivation.njk',
        current: 'deprivation',
        title: 'Crime and deprivation',
        action: paths.crime.deprivation(),
        build: async (q) => ({ view: deprivationView(await crime.pages.deprivation(q)) }),
      },
    ],
    [
      paths.crime.stopSearch(),
      {
        template: 'crime/views/stop-search.njk',
        current: 'stop-search',
        title: 'Stop and search',
        action: paths.crime.stopSearch(),
        filterOptions: { fixedSource: true, noCrimeType: true },
        dataset: 'stop-search',
        build: async (q) => ({
          view: stopSearchView(await crime.pages.stopSearch(q)),
          heading: `Stop and search in ${q.area.name}, ${periodLabel(q.from, q.to)}`,
        }),
      },
    ],
  ]
  for (const [url, spec] of pages)
    app.get(url, { config: view }, (request, reply) => render(request, reply, spec))

  // Serious violence: the figures under the local definition, and the form that changes it.
  const seriousViolence = (
    extra: { definitionErrors?: Record<string, string>; definitionValues?: Record<string, unknown> } = {},
  ): PageSpec => ({
    template: 'crime/views/serious-violence.njk',
    current: 'serious-violence',
    title: 'Serious violence',
    action: paths.crime.seriousViolence(),
    fixed: { crimeType: SERIOUS_VIOLENCE },
    filterOptions: { noCrimeType: true },
    build: async (q, request, covered) =>
      seriousViolenceView(await crime.pages.seriousViolence(q, covered.detail ?? undefined), {
        ...extra,
        canDefine: request.user ? can(request.user.role, 'crime:define') : false,
      }),
  })
  app.get(paths.crime.seriousViolence(), { config: view }, (request, reply) =>
    render(request, reply, seriousViolence()),
  )
  app.post(
    paths.crime.seriousViolence(),
    { config: { permission: 'crime:define' } },
    async (request, reply) => {
      try {
        await crime.definitions.save(request.actor, SERIOUS_VIOLENCE, request.body)
        const qs = new URLSearchParams(request.query as Record<string, string>)
        qs.set('notice', 'Definition saved')
        return reply.redirect(`${paths.crime.seriousViolence()}?${qs}`, 303)
      } catch (error) {
        if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error
        const definitionErrors =
          error instanceof ValidationError ? error.fieldErrors : { form: error.message }
        reply.code(error instanceof ValidationError ? 400 : 409)
        return render(
          request,
          reply,
          seriousViolence({ definitionErrors, definitionValues: formBody(request.body) }),
          { errors: definitionErrors },
        )
      }
    },
  )

  app.get(paths.crime.data(), { config: view }, async (request, reply) => {
    // The load history names files on the server: shown to those who load data.
    const mayIngest = request.user ? can(request.user.role, 'crime:ingest') : false
    const page = await crime.pages.dataLoaded({ history: mayIngest })
    return reply.page('crime/views/data.njk', {
      pageTitle: 'Data loaded',
      mayLoad: request.user ? can(request.user.role, 'crime:load') : false,
      mayAssess: mayAssess(request),
      ...dataLoadedView(page),
    })
  })
}
