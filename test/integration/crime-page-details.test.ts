import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAssessment } from '../../src/modules/crime/assessment/build.ts'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Small faults seen on the crime pages over the demo's Southwark extract, each kept fixed.
describe.each(DIALECTS)('crime page details on %s', (dialect) => {
  let t: TestApp
  let viewer: Browser
  let analyst: Browser

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
  }, 120_000)
  afterAll(() => t?.close())

  it('links to the strategic assessment only for those who may build it', async () => {
    for (const url of ['/crime?area=Southwark', '/crime/data']) {
      expect((await viewer.get(url)).body, url).not.toContain('href="/assessment')
      expect((await analyst.get(url)).body, url).toContain('href="/assessment')
    }
    expect((await viewer.get('/assessment')).statusCode).toBe(403)
  })

  it('names the serious violence section once, and the hotspot share in words that agree', async () => {
    const a = await buildAssessment(t.deps.services.crime, {
      area: 'Southwark',
      from: '2023-03',
      to: '2024-02',
    })
    expect(a.sections.map((s) => s.title)).toContain('Serious violence')
    const hotspots = await viewer.get(
      '/crime/hotspots?source=police-uk&area=Southwark&from=2023-03&to=2024-02',
    )
    expect(hotspots.body).toMatch(/% of crime in the top 5% of LSOAs \(\d+ LSOAs?\)/)
    expect(hotspots.body).not.toMatch(/top 1 LSOAs/)
    // Each LSOA names its ward, in the table and on hover over the map.
    expect(hotspots.body).toMatch(
      /<th scope="row" class="govuk-table__header">Southwark \d{3}[A-Z] \(E01\d+\), [^<]+ ward<\/th>/,
    )
    expect(hotspots.body).toMatch(/<title>Southwark \d{3}[A-Z] \([^)]+ ward\): /)
    expect(hotspots.body).toContain('>Key: crimes per 1,000 residents</text>')
  })

  it('says the Met publishes no outcome link, rather than 0%', async () => {
    const page = await viewer.get('/crime/stop-and-search?area=Southwark&from=2024-03&to=2024-06')
    expect(page.body).toContain('data-figure="linked">Not published<')
    expect(page.body).not.toContain('data-figure="linked">0%<')
  })

  it('keeps the load history in its own scrolling box, long file names wrapping', async () => {
    const page = await analyst.get('/crime/data')
    expect(page.body).toMatch(
      /<div class="safer-table-scroll" tabindex="0" role="region" aria-label="The last \d+ files loaded">/,
    )
    expect(page.body).toContain('govuk-table__header safer-break-anywhere')
  })
})
