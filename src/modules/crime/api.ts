import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { NotFoundError } from '../../shared/errors.ts'
import type { Services } from '../module.ts'
import { loadedTotal, publicCoverage } from './analysis/coverage.service.ts'
import { SERIOUS_VIOLENCE } from './analysis/definitions.service.ts'
import { comparisonInput, comparisonOutput, countsOutput } from './contracts.ts'
import { crimeQueryInput, definitionInput } from './schema.ts'
import { SOURCE_LABELS } from './sources.ts'

const TAG = 'Crime'
const areaQuery = crimeQueryInput

// The analyses over JSON: the same services and the same inputs as the pages and the CLI.
export function crimeApi(api: ApiRegistry, { crime }: Pick<Services, 'crime'>) {
  const describe = (q: Awaited<ReturnType<typeof crime.analysis.resolve>>) => ({
    source: q.source,
    sourceLabel: SOURCE_LABELS[q.source],
    area: q.area,
    from: q.from,
    to: q.to,
    crimeType: q.categoryLabel,
    categories: q.categories,
  })
  // Every answer says which months of its period are loaded: no data is not zero crimes.
  const coverageOf = async (q: Awaited<ReturnType<typeof crime.analysis.resolve>>) =>
    publicCoverage(await crime.analysis.coverage(q))

  api.add({
    method: 'GET',
    url: '/crime/counts',
    permission: 'crime:view',
    tag: TAG,
    summary:
      'Crimes in an area and period, optionally broken down by crime_type, month, ward, lsoa, location or outcome',
    query: areaQuery,
    response: countsOutput,
    handler: async ({ query }) => {
      const r = await crime.analysis.counts(query)
      return {
        total: loadedTotal(r.total, r.coverage),
        rows: r.rows,
        coverage: r.coverage,
        query: describe(r.query),
      }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/rate',
    permission: 'crime:view',
    tag: TAG,
    summary: 'Crimes per 1,000 residents (ONS mid-year population estimate)',
    query: areaQuery,
    handler: async ({ query }) => {
      const r = await crime.analysis.rate(query)
      const coverage = await coverageOf(r.query)
      const count = loadedTotal(r.count, coverage)
      return {
        count,
        population: r.population,
        populationYear: r.populationYear,
        ratePer1000: count === null ? null : r.ratePer1000,
        coverage,
        query: describe(r.query),
      }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/change',
    permission: 'crime:view',
    tag: TAG,
    summary: 'Change against the previous period and the same period last year, with a significance test',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query)
      const detail = await crime.analysis.coverage(q)
      return {
        ...(await crime.analysis.change(q, undefined, detail)),
        coverage: publicCoverage(detail),
        query: describe(q),
      }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/comparison',
    permission: 'crime:view',
    tag: TAG,
    summary:
      'The period against the one just before it (or, with against=last-year, the same months a year earlier): compared only like for like, else the reason why not',
    query: comparisonInput,
    response: comparisonOutput,
    handler: async ({ query }) => {
      const { query: q, ...comparison } = await crime.analysis.comparison(query, query.against)
      return { ...comparison, query: describe(q) }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/monthly',
    permission: 'crime:view',
    tag: TAG,
    summary: 'Crimes by month with the rolling 12-month total',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query)
      return { months: await crime.analysis.monthly(q), coverage: await coverageOf(q), query: describe(q) }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/hotspots',
    permission: 'crime:view',
    tag: TAG,
    summary: 'LSOAs, wards and places by crime, and the share of crime in the top 5% and 10% of LSOAs',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query)
      return { ...(await crime.insights.hotspots(q)), coverage: await coverageOf(q), query: describe(q) }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/outcomes',
    permission: 'crime:view',
    tag: TAG,
    summary: 'The outcome mix of police.uk crimes',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query)
      return { ...(await crime.insights.outcomes(q)), coverage: await coverageOf(q), query: describe(q) }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/deprivation',
    permission: 'crime:view',
    tag: TAG,
    summary: 'Crime rate by national IMD 2019 decile of the area’s LSOAs',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query)
      return { ...(await crime.insights.deprivation(q)), coverage: await coverageOf(q), query: describe(q) }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/stop-search',
    permission: 'crime:view',
    tag: TAG,
    summary:
      'Stop and search by object, outcome, legislation (with section 60), age and ethnicity, with the arrest rate',
    query: areaQuery,
    handler: async ({ query }) => {
      const q = await crime.analysis.resolve(query, { dataset: 'stop-search' })
      return {
        ...(await crime.insights.stopSearch(q.area, q.from, q.to)),
        coverage: await crime.analysis.stopSearchCoverage(q.area, q.from, q.to),
        query: { area: q.area, from: q.from, to: q.to },
      }
    },
  })
  api.add({
    method: 'GET',
    url: '/crime/coverage',
    permission: 'crime:view',
    tag: TAG,
    summary: 'What crime data is loaded: each source and force with its months and rows',
    handler: async () => ({ coverage: await crime.coverage() }),
  })
  api.add({
    method: 'GET',
    url: '/crime/ingests',
    // The history names files and folders on the server: for those who load data.
    permission: 'crime:ingest',
    tag: TAG,
    summary: 'The most recent files loaded, with rows, rejects and replaced months',
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    handler: async ({ query }) => ({
      ingests: (await crime.listIngests(query.limit)).map((h) => ({
        ...h,
        months: h.months ? h.months.split(',') : [],
        replaced: JSON.parse(h.replaced),
      })),
    }),
  })
  api.add({
    method: 'GET',
    url: '/crime/definitions/serious-violence',
    permission: 'crime:view',
    tag: TAG,
    summary: 'The local definition of serious violence',
    handler: async () => crime.definitions.get(SERIOUS_VIOLENCE),
  })
  api.add({
    method: 'PUT',
    url: '/crime/definitions/serious-violence',
    permission: 'crime:define',
    tag: TAG,
    summary:
      'Save the local definition of serious violence (version 0 the first time; a stale version answers 409)',
    body: definitionInput,
    handler: async ({ request, body }) => crime.definitions.save(request.actor, SERIOUS_VIOLENCE, body),
  })
  api.add({
    method: 'GET',
    url: '/crime/loads/:id',
    record: 'crimeLoad',
    permission: 'crime:load',
    tag: TAG,
    summary:
      'A load of files uploaded on /crime/load: status (waiting, unpacking, loading, done, failed), files done of total, and when done the ingest report (as `safer crime ingest --json` gives it)',
    params: idParams,
    handler: async ({ params }) => {
      const job = crime.loads.get(params.id)
      if (!job) throw new NotFoundError(`Load ${params.id}`)
      return job
    },
  })
}
