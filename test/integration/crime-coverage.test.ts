import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAssessment } from '../../src/modules/crime/assessment/build.ts'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Never a figure the data cannot support, over the demo's real extract (demo-data/): Southwark's
// Met recorded crime to 2026-02 (LSOA level from 2024-02), every borough's to 2024-02, police.uk
// Met burglary 2023-03..2024-06 with British Transport Police for 2024-01..03 only, and stop and
// search for 2024-03..06.

describe.each(DIALECTS)('crime figures and their coverage on %s', (dialect) => {
  let t: TestApp
  let viewer: Browser
  let analyst: Browser
  const crime = () => t.deps.services.crime
  const api = async (url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: { cookie: viewer.jar.header() } })).json()

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
  }, 120_000)
  afterAll(() => t?.close())

  it('says no data is loaded, with the latest loaded month and a link to it, instead of zeros', async () => {
    const page = await viewer.get('/crime?source=recorded&area=Lambeth&from=2025-03&to=2026-02')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(
      'No data loaded for Lambeth from March 2025 to February 2026 — the latest loaded month is February 2024',
    )
    expect(page.body).toContain('from=2023-03&amp;to=2024-02')
    expect(page.body).not.toContain('data-figure="total"')
    expect(page.body).not.toContain('No change from 0')

    const old = await viewer.get('/crime?source=recorded&area=Southwark&from=2000-01&to=2000-12')
    expect(old.body).toContain('No data loaded for Southwark from January 2000 to December 2000')
    expect(old.body).not.toContain('data-figure="total"')

    const answer = await api('/api/v1/crime/counts?source=recorded&area=Lambeth&from=2025-03&to=2026-02')
    expect(answer.total).toBeNull()
    expect(answer.coverage.monthsLoaded).toEqual([])
    expect(answer.coverage.monthsMissing).toHaveLength(12)
    expect(answer.coverage.monthsMissing[0]).toBe('2025-03')
    const rate = await api('/api/v1/crime/rate?source=recorded&area=Lambeth&from=2025-03&to=2026-02')
    expect(rate.count).toBeNull()
    expect(rate.ratePer1000).toBeNull()
  })

  it('counts what is loaded and names the months that are not', async () => {
    const q = 'source=recorded&area=Lambeth&from=2023-09&to=2024-08'
    const answer = await api(`/api/v1/crime/counts?${q}`)
    expect(answer.coverage.monthsLoaded).toHaveLength(6)
    expect(answer.coverage.monthsMissing).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
    ])
    const loadedOnly = await crime().analysis.counts({
      source: 'recorded',
      area: 'Lambeth',
      from: '2023-09',
      to: '2024-02',
    })
    expect(answer.total).toBe(loadedOnly.total)
    expect(answer.total).toBeGreaterThan(0)
    const page = await viewer.get(`/crime?${q}`)
    expect(page.body).toContain('data-coverage="partial"')
    expect(page.body).toContain('no data for March 2024 to August 2024')
    for (const url of ['/crime/hotspots', '/crime/deprivation', '/crime/serious-violence']) {
      const other = await viewer.get(`${url}?${q}`)
      expect(other.statusCode, url).toBe(200)
      expect(other.body, url).toContain('no data for March 2024 to August 2024')
    }
  })

  it('compares only like for like, and says why not otherwise', async () => {
    const all = await crime().analysis.comparison(
      { source: 'police-uk', area: 'Southwark', from: '2024-01', to: '2024-06' },
      'previous',
    )
    expect(all.comparable).toBe(false)
    expect(all.reason).toContain('British Transport Police')
    expect(all.changePercent).toBeNull()
    expect(all.significant).toBeNull()
    expect(all.test).toBeNull()
    expect(all.current.total).toBeGreaterThan(0)
    const page = await viewer.get('/crime?source=police-uk&area=Southwark&from=2024-01&to=2024-06')
    expect(page.body).toContain('No comparison: Not like for like: British Transport Police')
    expect(page.body).not.toContain('a statistically significant change')

    const burglary = await api(
      '/api/v1/crime/comparison?source=police-uk&area=Southwark&from=2024-01&to=2024-06&crimeType=Burglary',
    )
    expect(burglary.comparable).toBe(true)
    expect(burglary.reason).toBeNull()
    expect(burglary.previous).toMatchObject({ from: '2023-07', to: '2023-12' })
    const { current, previous } = burglary
    expect(burglary.changePercent).toBe(((current.total - previous.total) * 100) / previous.total)
    expect(burglary.changePercent).toBeLessThan(0)
    expect(burglary.significant).toBe(burglary.test.pValue < 0.05)

    const lastYear = await api(
      '/api/v1/crime/comparison?source=police-uk&area=Southwark&from=2024-01&to=2024-06&crimeType=Burglary&against=last-year',
    )
    expect(lastYear.previous).toMatchObject({ from: '2023-01', to: '2023-06' })
    expect(lastYear.comparable).toBe(false)
    expect(lastYear.reason).toContain('January 2023 to February 2023 are not loaded')

    // Recorded crime: LSOA-level months are not compared with borough-level ones.
    const levels = await crime().analysis.comparison(
      { source: 'recorded', area: 'Southwark', from: '2024-03', to: '2024-08' },
      'last-year',
    )
    expect(levels.comparable).toBe(false)
    expect(levels.reason).toContain('LSOA level')
  })

  it('says what a total leaves out, and does not offer what the source cannot answer', async () => {
    const lsoaLevel = await viewer.get('/crime?source=recorded&area=Southwark&from=2025-03&to=2026-02')
    // Fraud, too, is counted at borough level but not published by LSOA.
    expect(lsoaLevel.body).toMatch(/data-figure="total-label">Crimes, not including [^<]*SEXUAL OFFENCES</)
    expect(lsoaLevel.body).not.toContain('<option value="SEXUAL OFFENCES"')
    const answer = await api('/api/v1/crime/counts?source=recorded&area=Southwark&from=2025-03&to=2026-02')
    expect(answer.coverage.leavesOut.categories).toContain('SEXUAL OFFENCES')

    const boroughLevel = await viewer.get('/crime?source=recorded&area=Southwark&from=2023-03&to=2024-01')
    expect(boroughLevel.body).toContain('data-figure="total-label">Crimes<')
    expect(boroughLevel.body).toContain('<option value="SEXUAL OFFENCES"')

    // police.uk: only the crime types loaded are offered.
    const policeUk = await viewer.get('/crime?source=police-uk&area=Southwark&from=2023-03&to=2023-12')
    expect(policeUk.body).toContain('<option value="Burglary"')
    expect(policeUk.body).not.toContain('<option value="Anti-social behaviour"')
  })

  it('opens each page on the latest 12 months loaded for its source and area', async () => {
    expect((await viewer.get('/crime?source=recorded&area=Lambeth')).body).toContain(
      'All crime in Lambeth, March 2023 to February 2024',
    )
    expect((await viewer.get('/crime?source=police-uk&area=Southwark')).body).toContain(
      'All crime in Southwark, July 2023 to June 2024',
    )
    const stops = await viewer.get('/crime/stop-and-search?area=Southwark')
    expect(stops.body).toContain('Stop and search in Southwark, July 2023 to June 2024')
    expect(stops.body).toContain('data-coverage="partial"')
  })

  it('refuses an assessment with no data, and marks partial coverage in its data notes', async () => {
    await expect(
      buildAssessment(crime(), { area: 'Lambeth', from: '2025-03', to: '2026-02' }),
    ).rejects.toThrow()
    const refused = await analyst.get('/assessment/preview?area=Lambeth&from=2025-03&to=2026-02')
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('There is a problem')
    expect(refused.body).toContain(
      'No crime data is loaded for Lambeth from March 2025 to February 2026: the latest loaded month is February 2024',
    )

    const partial = await buildAssessment(crime(), { area: 'Lambeth', from: '2023-09', to: '2024-08' })
    const notes = partial.sections.find((s) => s.id === 'data-notes')
    expect(notes?.paragraphs[0]).toContain(
      'Partial coverage: no crime data is loaded for March 2024 to August 2024',
    )
  })

  it('documents the coverage and comparison answers in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    const comparison = doc.paths['/api/v1/crime/comparison'].get
    expect(comparison.parameters.map((p: { name: string }) => p.name)).toContain('against')
    const answer = comparison.responses['200'].content['application/json'].schema
    expect(Object.keys(answer.properties).sort()).toEqual(
      [
        'against',
        'changePercent',
        'comparable',
        'current',
        'previous',
        'reason',
        'significant',
        'test',
      ].sort(),
    )
    const counts = doc.paths['/api/v1/crime/counts'].get.responses['200'].content['application/json'].schema
    expect(Object.keys(counts.properties.coverage.properties).sort()).toEqual([
      'leavesOut',
      'monthsLoaded',
      'monthsMissing',
    ])
  })
})
