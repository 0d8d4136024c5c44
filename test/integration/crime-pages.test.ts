import type { DuckDBValue } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnalysisService } from '../../src/modules/crime/analysis/analysis.service.ts'
import { createInsightsService } from '../../src/modules/crime/analysis/insights.service.ts'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { createCrimePagesService } from '../../src/modules/crime/pages/pages.service.ts'
import { type AnalyticsStore, openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// The crime pages, API and assessment over the demo's Southwark extract, as each kind of user.

describe.each(DIALECTS)('crime pages and API on %s', (dialect) => {
  let t: TestApp
  let analyst: Browser
  let viewer: Browser

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
    viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
  }, 120_000)
  afterAll(() => t?.close())

  it('shows every crime page to a viewer, opening on Southwark’s recorded crime', async () => {
    const overview = await viewer.get('/crime?from=2023-03&to=2024-02')
    expect(overview.statusCode).toBe(200)
    expect(overview.body).toContain('All crime in Southwark, March 2023 to February 2024')
    const counted = await t.deps.services.crime.analysis.counts({
      source: 'recorded',
      area: 'Southwark',
      from: '2023-03',
      to: '2024-02',
    })
    expect(overview.body).toContain(`data-figure="total">${counted.total.toLocaleString('en-GB')}<`)
    // Every chart is an accessible image with a table of its figures beside it.
    expect(overview.body).toMatch(/<svg[^>]+role="img" aria-labelledby="monthly-title monthly-desc"/)
    expect(overview.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Crimes by month, with the rolling 12-month total</caption>',
    )
    for (const url of [
      '/crime/hotspots',
      '/crime/serious-violence',
      '/crime/deprivation',
      '/crime/stop-and-search',
      '/crime/data',
    ]) {
      const page = await viewer.get(`${url}?area=Southwark&from=2024-03&to=2024-06`)
      expect(page.statusCode, url).toBe(200)
    }
    const hotspots = await viewer.get(
      '/crime/hotspots?source=police-uk&area=Southwark&from=2023-03&to=2024-06',
    )
    expect(hotspots.body).toContain('Map of wards in Southwark')
    expect((hotspots.body.match(/<path d=/g) ?? []).length).toBe(23 + 173)
    // A viewer cannot change the local definition, so is not offered the form.
    expect((await viewer.get('/crime/serious-violence')).body).not.toContain('Save definition')
  })

  it('explains a bad choice with the GOV.UK error summary', async () => {
    const page = await viewer.get('/crime?area=Atlantis&from=2024-13')
    expect(page.statusCode).toBe(400)
    expect(page.body).toContain('There is a problem')
    expect(page.body).toContain('From must be a month like 2024-01')
  })

  it('lets an analyst save the local definition of serious violence, and refuses a viewer', async () => {
    const form = await analyst.get('/crime/serious-violence?area=Southwark')
    expect(form.body).toContain('Save definition')
    const refused = await viewer.post('/crime/serious-violence', {
      name: 'Mine',
      version: '0',
      policeUkTypes: 'Robbery',
    })
    expect(refused.statusCode).toBe(403)
    const saved = await analyst.post('/crime/serious-violence?area=Southwark', {
      name: 'Knife and weapon violence',
      version: '0',
      recordedCategories: 'POSSESSION OF WEAPONS',
    })
    expect(saved.statusCode).toBe(303)
    const after = await analyst.get(saved.headers.location as string)
    expect(after.body).toContain('Definition saved')
    expect(after.body).toContain('Knife and weapon violence')
    const stale = await analyst.post('/crime/serious-violence', { name: 'Again', version: '0' })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this definition')
  })

  it('answers the API with the same figures, and refuses requests without a session', async () => {
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/crime/counts?source=recorded&area=Southwark&from=2023-03&to=2024-02&by=ward',
      headers: { cookie: viewer.jar.header() },
    })
    expect(api.statusCode).toBe(200)
    const body = api.json()
    expect(body.rows).toHaveLength(23)
    expect(body.query.area).toEqual({ type: 'lad', code: 'E09000028', name: 'Southwark' })
    const stop = await t.app.inject({
      method: 'GET',
      url: '/api/v1/crime/stop-search?area=Southwark&from=2024-03&to=2024-06',
      headers: { cookie: viewer.jar.header() },
    })
    expect(stop.json().summary.total).toBeGreaterThan(1000)
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/crime/rate?area=Atlantis',
      headers: { cookie: viewer.jar.header() },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.area).toContain('No area called "Atlantis"')
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/crime/counts' })).statusCode).toBe(401)
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    expect(Object.keys(openapi.paths)).toContain('/api/v1/crime/counts')
  })

  it('answers the API with exact rates and percentages, and rounds them only on the page', async () => {
    const query = 'source=recorded&area=Southwark&from=2023-03&to=2024-02&crimeType=BURGLARY'
    const api = async (url: string) =>
      (await t.app.inject({ method: 'GET', url, headers: { cookie: viewer.jar.header() } })).json()
    const rate = await api(`/api/v1/crime/rate?${query}`)
    const counted = await t.deps.services.crime.analysis.counts({
      source: 'recorded',
      area: 'Southwark',
      from: '2023-03',
      to: '2024-02',
      crimeType: 'BURGLARY',
    })
    expect(rate.count).toBe(counted.total)
    const exact = (rate.count * 1000) / rate.population
    expect(rate.ratePer1000).toBe(exact)
    // The case tells rounding apart: the exact rate has more than two decimal places.
    expect(Math.round(exact * 100) / 100).not.toBe(exact)
    const change = await api(`/api/v1/crime/change?${query}`)
    const { current, comparison } = change.lastYear
    expect(change.lastYear.percent).toBe(((current - comparison) * 100) / comparison)
    const page = await viewer.get(`/crime?${query}`)
    expect(page.body).toContain(`data-figure="rate">${exact.toFixed(2)}<`)
    expect(page.body).toContain('Rounded to two decimal places.')
  })

  it('counts the overview’s total once, and each comparison period once', async () => {
    const crime = t.deps.services.crime
    // The same store the service uses (one instance per file), with each query it runs noted.
    const shared = openAnalyticsStore(crime.storePath)
    const ran: DuckDBValue[][] = []
    const store: AnalyticsStore = {
      ...shared,
      all: (sql, params) => {
        if (/AS count FROM (street_crimes s WHERE|chosen$)/.test(sql.trim())) ran.push(params ?? [])
        return shared.all(sql, params)
      },
    }
    const analysis = createAnalysisService(store, crime.definitions)
    const insights = createInsightsService(store, analysis)
    const pages = createCrimePagesService(t.deps.database.db, store, analysis, insights, crime.definitions)
    const q = await analysis.resolve({
      source: 'recorded',
      area: 'Southwark',
      from: '2023-03',
      to: '2024-02',
    })
    ran.length = 0
    const overview = await pages.overview(q)
    expect(overview.rate?.count).toBe(overview.total)
    expect(overview.change.lastYear.current).toBe(overview.total)
    // This period once, then the period before and the same months a year earlier (over twelve
    // months those two are the same months, each still asked for once).
    const thisPeriod = ran.filter((params) => params.includes('2023-03-01') && params.includes('2024-02-01'))
    expect(thisPeriod).toHaveLength(1)
    expect(ran).toHaveLength(3)
  })

  it('previews the strategic assessment and downloads it as a Word document', async () => {
    const preview = await analyst.get('/assessment/preview?area=Southwark&from=2023-03&to=2024-02')
    expect(preview.statusCode).toBe(200)
    for (const heading of [
      'Summary',
      'Volume and trend by crime type',
      'Hotspots',
      'Deprivation',
      'Data notes',
    ])
      expect(preview.body).toContain(`>${heading}</h2>`)
    const docx = await analyst.get('/assessment/download?area=Southwark&from=2023-03&to=2024-02')
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toBe(
      'attachment; filename="strategic-assessment-southwark-2023-03-to-2024-02.docx"',
    )
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    // Every export is in the audit log: who, which area and period, how large.
    const exported = (await t.deps.services.audit.search({ action: 'assessment.export' }, 1)).rows[0]
    expect(exported?.actor).toBe('analyst@test.example')
    expect(JSON.parse(exported?.detail ?? '{}')).toMatchObject({
      area: 'Southwark',
      from: '2023-03',
      to: '2024-02',
      bytes: docx.rawPayload.length,
    })
    expect((await viewer.get('/assessment/download?area=Southwark&from=2023-03&to=2024-02')).statusCode).toBe(
      403,
    )
    const missing = await analyst.get('/assessment/preview?area=&from=2024-01&to=2023-01')
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter an area')
  })
})
