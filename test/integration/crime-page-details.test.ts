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

  it('shows the Met’s capitalised categories in sentence case on pages, and the exact names to machines', async () => {
    const query = 'source=recorded&area=Southwark&from=2023-03&to=2024-02'
    const robbery = await viewer.get(`/crime?${query}&crimeType=robbery`)
    expect(robbery.body).toContain('>Robbery in Southwark, March 2023 to February 2024</h1>')
    const overview = await viewer.get(`/crime?${query}`)
    // The longest category, uncut, in the chart and its table, and offered by its exact name in the form.
    expect(overview.body).toContain('>Miscellaneous crimes against society</text>')
    expect(overview.body).toContain('>Miscellaneous crimes against society</th>')
    expect(overview.body).toContain(
      '<option value="MISCELLANEOUS CRIMES AGAINST SOCIETY">Miscellaneous crimes against society</option>',
    )
    for (const name of [
      'THEFT',
      'ROBBERY',
      'VIOLENCE AGAINST THE PERSON',
      'MISCELLANEOUS CRIMES AGAINST SOCIETY',
    ])
      expect(overview.body).not.toContain(`>${name}<`)
    const definition = await analyst.get(`/crime/serious-violence?${query}`)
    expect(definition.body).toMatch(/<label[^>]*>\s*Robbery \(all\)\s*<\/label>/)
    expect(definition.body).toMatch(/value="ROBBERY"/)

    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/crime/counts?${query}&crimeType=robbery&by=crime_type`,
      headers: { cookie: viewer.jar.header() },
    })
    expect(api.statusCode).toBe(200)
    expect(JSON.stringify(api.json())).toContain('"ROBBERY"')
    expect(JSON.stringify(api.json())).not.toContain('"Robbery"')
  })

  it('names a serious violence definition called “Serious violence (…)” once in the assessment, and its categories in sentence case', async () => {
    const crime = t.deps.services.crime
    const current = await crime.definitions.get('serious-violence')
    const values = {
      name: current.name,
      description: current.description ?? '',
      policeUkTypes: current.policeUkTypes,
      recordedCategories: current.recordedCategories,
    }
    await crime.definitions.save(TEST_ACTOR, 'serious-violence', {
      ...values,
      name: 'Serious violence (Southwark)',
      version: current.version,
    })
    try {
      const a = await buildAssessment(crime, { area: 'Southwark', from: '2023-03', to: '2024-02' })
      const section = a.sections.find((s) => s.id === 'serious-violence')
      expect(section?.title).toBe('Serious violence (Southwark)')
      expect(section?.paragraphs[0]).not.toMatch(/[A-Z]{4,}/)
      const volume = a.sections.find((s) => s.id === 'volume')
      // The Word document embeds these same charts.
      expect(volume?.charts?.find((c) => c.title === 'Crimes by type')?.svg).toContain(
        '>Miscellaneous crimes against society</text>',
      )
    } finally {
      const saved = await crime.definitions.get('serious-violence')
      await crime.definitions.save(TEST_ACTOR, 'serious-violence', { ...values, version: saved.version })
    }
  })
})
