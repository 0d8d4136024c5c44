import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { DEMO_DATA } from '../../src/modules/crime/demo.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// Defining an indicator, changing it and setting its targets in the browser's forms: who may
// (partnership managers and administrators) and who may not, the messages naming each field, and
// the saved values where people read them, on the indicator page and the dashboard.

/** A form post as a browser sends it, repeated names and all (ticked checkboxes). */
async function post(t: TestApp, browser: Browser, url: string, fields: Array<[string, string]>) {
  const payload = new URLSearchParams([['_csrf', browser.csrfToken], ...fields]).toString()
  const response = await t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie: browser.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
  })
  browser.jar.take(response)
  return response
}

/** The error summary's messages, each linking to its field: [field, message]. */
const problems = (html: string) =>
  [...html.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [
    m[1],
    m[2]?.replace(/&#39;|&quot;/g, ''),
  ])

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe.each(DIALECTS)('defining indicators and setting targets in the browser on %s', (dialect) => {
  let t: TestApp
  let manager: Browser
  let priorityId: number
  let actionId: number
  let indicatorId: number

  const signedIn = async (role: Role) => {
    const browser = new Browser(t.app)
    await browser.signIn(`${role}@test.example`)
    return browser
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services
    const strategy = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy',
      status: 'adopted',
    })
    priorityId = await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Knife crime' })
    const { planId } = await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    const plan = await s.plans.getPlan(planId as number)
    actionId = plan.themes[0]?.actions[0]?.id as number
    manager = await signedIn('partnership-manager')
  })
  afterAll(() => t.close())

  it('shows the links and forms only to partnership managers and administrators; others get 403', async () => {
    const admin = await signedIn('admin')
    expect((await admin.get('/performance')).body).toContain('href="/performance/indicators/new"')
    expect((await admin.get('/performance/indicators/new')).statusCode).toBe(200)
    const sample = await t.deps.services.indicators.define(
      { actor: TEST_ACTOR, user: null },
      { key: 'others', name: 'Others', unit: 'count', polarity: 'down', frequency: 'month' },
    )
    for (const role of ['lead', 'analyst', 'board-member', 'caseworker', 'viewer'] as const) {
      const browser = await signedIn(role)
      expect((await browser.get('/performance')).body).not.toContain('/performance/indicators/new')
      const page = await browser.get(`/performance/indicators/${sample}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain(`/performance/indicators/${sample}/change`)
      expect(page.body).not.toContain(`/performance/indicators/${sample}/targets`)
      for (const url of [
        '/performance/indicators/new',
        `/performance/indicators/${sample}/change`,
        `/performance/indicators/${sample}/targets`,
      ])
        expect((await browser.get(url)).statusCode, `${role} GET ${url}`).toBe(403)
      const refused = await post(t, browser, '/performance/indicators/new', [
        ['key', 'sneaky'],
        ['name', 'Sneaky'],
        ['unit', 'count'],
        ['polarity', 'down'],
        ['frequency', 'month'],
      ])
      expect(refused.statusCode).toBe(403)
      expect(
        (
          await post(t, browser, `/performance/indicators/${sample}/targets`, [
            ['period', '2025-01'],
            ['target', '1'],
          ])
        ).statusCode,
      ).toBe(403)
    }
    await expect(t.deps.services.indicators.find('sneaky')).rejects.toThrow('was not found')
    expect((await t.deps.services.indicators.targets(sample)).targets).toEqual([])
  })

  it('offers the strategies’ priorities and the plans’ actions to choose from', async () => {
    const page = await manager.get('/performance/indicators/new')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`name="priorityIds" type="checkbox" value="${priorityId}"`)
    expect(page.body).toContain(`name="actionIds" type="checkbox" value="${actionId}"`)
    expect(page.body).toContain('Violent Crime Strategy')
  })

  it('names each field that is wrong, keeps what was typed, and saves nothing', async () => {
    const response = await post(t, manager, '/performance/indicators/new', [
      ['key', 'Bad Key'],
      ['name', ''],
      ['tolerance', 'lots'],
      ['baseline', 'ten'],
      ['definition', 'Kept as typed'],
    ])
    expect(response.statusCode).toBe(400)
    const found = Object.fromEntries(problems(response.body))
    expect(found).toMatchObject({
      key: 'The key is lower-case letters, digits and hyphens, like knife-crime',
      name: 'Enter a name',
      tolerance: 'The tolerance is a percentage, like 5',
      baseline: 'The baseline is a number',
    })
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['unit', 'polarity', 'frequency']))
    expect(response.body).toContain('Kept as typed')

    const period = await post(t, manager, '/performance/indicators/new', [
      ['key', 'wrong-period'],
      ['name', 'Wrong period'],
      ['unit', 'count'],
      ['polarity', 'down'],
      ['frequency', 'month'],
      ['baselinePeriod', '2025-13'],
    ])
    expect(period.statusCode).toBe(400)
    expect(decode(period.body)).toContain('"2025-13" is not a month, written like 2025-01')
    await expect(t.deps.services.indicators.find('wrong-period')).rejects.toThrow('was not found')
  })

  it('checks a computed indicator’s area against the crime store, naming the area field', async () => {
    const response = await post(t, manager, '/performance/indicators/new', [
      ['key', 'nowhere-crime'],
      ['name', 'Crime in Nowhere'],
      ['polarity', 'down'],
      ['frequency', 'month'],
      ['source', 'computed'],
      ['computedSource', 'recorded'],
      ['computedArea', 'Nowhere Borough'],
      ['computedMeasure', 'count'],
    ])
    expect(response.statusCode).toBe(400)
    expect(problems(response.body).map(([field]) => field)).toContain('computedArea')
    expect(decode(response.body)).toContain('No area called "Nowhere Borough"')
  })

  it('adds an indicator with every field, shown on its page and the dashboard', async () => {
    const response = await post(t, manager, '/performance/indicators/new', [
      ['key', 'knife-injuries'],
      ['name', 'Knife injury victims under 25'],
      ['definition', 'Victims aged 1 to 24 of knife crime with injury, non-domestic'],
      ['unit', 'count'],
      ['polarity', 'down'],
      ['frequency', 'quarter'],
      ['tolerance', '10'],
      ['ownerOrganisationId', String(t.organisationId)],
      ['priorityIds', String(priorityId)],
      ['actionIds', String(actionId)],
      ['baselinePeriod', '2024-Q4'],
      ['baseline', '31'],
      ['comparatorSeries', 'Similar boroughs'],
      ['source', 'manual'],
    ])
    expect(response.statusCode).toBe(303)
    const indicator = await t.deps.services.indicators.find('knife-injuries')
    indicatorId = indicator.id
    expect(response.headers.location).toMatch(
      new RegExp(`^/performance/indicators/${indicator.id}\\?notice=`),
    )
    expect(indicator).toMatchObject({
      name: 'Knife injury victims under 25',
      definition: 'Victims aged 1 to 24 of knife crime with injury, non-domestic',
      unit: 'count',
      polarity: 'down',
      frequency: 'quarter',
      tolerance: 10,
      ownerOrganisationId: t.organisationId,
      priorityIds: [priorityId],
      actionIds: [actionId],
      baselinePeriod: '2024-Q4',
      baseline: 31,
      comparatorSeries: 'Similar boroughs',
      source: 'manual',
      computed: null,
    })
    const page = await manager.get(response.headers.location as string)
    expect(page.body).toContain('Indicator knife-injuries added')
    expect(page.body).toContain('Victims aged 1 to 24 of knife crime with injury, non-domestic')
    expect(page.body).toContain(`/performance/indicators/${indicator.id}/change`)
    const dashboard = await manager.get(`/performance?priority=${priorityId}`)
    expect(dashboard.body).toContain('Knife injury victims under 25')
  })

  it('sets, changes and removes targets, periods checked for the indicator’s frequency, and rates against them', async () => {
    const url = `/performance/indicators/${indicatorId}/targets`
    const bad = await post(t, manager, url, [
      ['period', '2025-Q5'],
      ['target', 'thirty'],
    ])
    expect(bad.statusCode).toBe(400)
    expect(Object.fromEntries(problems(bad.body))).toEqual({
      target: 'Enter the target as a number, like 90',
    })
    const wrongShape = await post(t, manager, url, [
      ['period', '2025-Q5'],
      ['target', '30'],
    ])
    expect(wrongShape.statusCode).toBe(400)
    expect(problems(decode(wrongShape.body))).toEqual([
      ['period', '"2025-Q5" is not a calendar quarter, written like 2025-Q1'],
    ])
    const blank = await post(t, manager, url, [
      ['period', '2025-Q1'],
      ['target', ''],
    ])
    expect(Object.fromEntries(problems(blank.body))).toEqual({
      target: 'Enter the target as a number, like 90',
    })

    for (const [period, target] of [
      ['2025-Q1', '30'],
      ['2025-Q2', '28'],
    ]) {
      const saved = await post(t, manager, url, [
        ['period', period as string],
        ['target', target as string],
      ])
      expect(saved.statusCode).toBe(303)
      expect(saved.headers.location).toBe(`${url}?notice=${encodeURIComponent(`Target for ${period} saved`)}`)
    }
    // Changing one: the row's link opens the form with its target in it.
    expect((await manager.get(`${url}?period=2025-Q2`)).body).toMatch(
      /id="target" name="target" type="text" value="28"/,
    )
    await post(t, manager, url, [
      ['period', '2025-Q2'],
      ['target', '29'],
    ])
    expect((await t.deps.services.indicators.targets(indicatorId)).targets).toEqual([
      { period: '2025-Q1', target: 30 },
      { period: '2025-Q2', target: 29 },
    ])

    // A value over its target by more than the 10% tolerance is red, lower being better.
    await t.deps.services.indicators.enterValue({ actor: TEST_ACTOR, user: null }, indicatorId, {
      period: '2025-Q2',
      value: '33',
    })
    const dashboard = await manager.get('/performance')
    const tile = dashboard.body.slice(dashboard.body.indexOf('Knife injury victims under 25'))
    expect(tile.slice(0, 1500)).toMatch(/Target: 29[\s\S]*govuk-tag--red">Red/)
    const targetsPage = await manager.get(url)
    expect(targetsPage.body).toContain('Targets set, newest first')
    expect(targetsPage.body).toMatch(/Q2 2025[\s\S]*29[\s\S]*33[\s\S]*Red/)

    const removed = await post(t, manager, `${url}/remove`, [['period', '2025-Q1']])
    expect(removed.statusCode).toBe(303)
    const again = await post(t, manager, `${url}/remove`, [['period', '2025-Q1']])
    expect(again.statusCode).toBe(400)
    expect(Object.fromEntries(problems(again.body))).toEqual({ period: 'There is no target for 2025-Q1' })
    expect((await t.deps.services.indicators.targets(indicatorId)).targets).toEqual([
      { period: '2025-Q2', target: 29 },
    ])
  })

  it('changes the indicator at the version read; a stale save shows what the other person changed', async () => {
    const url = `/performance/indicators/${indicatorId}/change`
    const form = await manager.get(url)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('value="Knife injury victims under 25"')
    expect(form.body).toContain('value="Similar boroughs"')
    const before = await t.deps.services.indicators.find(indicatorId)
    const fields = (name: string, version: number): Array<[string, string]> => [
      ['version', String(version)],
      ['name', name],
      ['definition', before.definition],
      ['unit', 'count'],
      ['polarity', 'down'],
      ['frequency', 'quarter'],
      ['tolerance', '5'],
      ['priorityIds', String(priorityId)],
      ['comparatorSeries', 'London average'],
      ['source', 'manual'],
    ]
    const saved = await post(t, manager, url, fields('Knife injury victims aged 1 to 24', before.version))
    expect(saved.statusCode).toBe(303)
    const after = await t.deps.services.indicators.find(indicatorId)
    expect(after).toMatchObject({
      name: 'Knife injury victims aged 1 to 24',
      tolerance: 5,
      actionIds: [],
      ownerOrganisationId: null,
      comparatorSeries: 'London average',
      version: before.version + 1,
    })
    expect((await manager.get(`/performance/indicators/${indicatorId}`)).body).toContain(
      'Knife injury victims aged 1 to 24',
    )

    const stale = await post(t, manager, url, fields('My older name', before.version))
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Saved by someone else while you were editing')
    expect(stale.body).toContain('Knife injury victims aged 1 to 24')
    expect(stale.body).toContain(`name="version" value="${after.version}"`)
    expect((await t.deps.services.indicators.find(indicatorId)).name).toBe(
      'Knife injury victims aged 1 to 24',
    )

    // Its periods are written quarterly, and it has a value and a target now.
    const frequency = await post(t, manager, url, [
      ...fields('Knife injury victims aged 1 to 24', after.version).filter(([k]) => k !== 'frequency'),
      ['frequency', 'month'],
    ])
    expect(frequency.statusCode).toBe(400)
    expect(problems(frequency.body).map(([field]) => field)).toEqual(['frequency'])
    const computed = await post(t, manager, url, [
      ...fields('Knife injury victims aged 1 to 24', after.version).filter(([k]) => k !== 'source'),
      ['source', 'computed'],
      ['computedArea', 'Southwark'],
    ])
    expect(computed.statusCode).toBe(400)
    expect(problems(computed.body).map(([field]) => field)).toContain('source')

    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'indicator')
      .where('entity_id', '=', String(indicatorId))
      .execute()
    const change = JSON.parse(audit.find((a) => a.action === 'indicator.change')?.detail ?? '{}')
    expect(change.before).toMatchObject({ name: 'Knife injury victims under 25', tolerance: 10 })
    expect(change.after).toMatchObject({ name: 'Knife injury victims aged 1 to 24', tolerance: 5 })
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['indicator.define', 'indicator.set-target', 'indicator.remove-target']),
    )
  })
})

// The crime store is DuckDB whatever the operational database, so this runs once, on SQLite.
describe('defining a computed indicator in the browser', { timeout: 120_000 }, () => {
  let t: TestApp
  let manager: Browser

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    await t.deps.services.crime.ingest(TEST_ACTOR, [
      join(DEMO_DATA, 'mps-recorded-crime/mps_recorded_crime_borough_historical_2010-04_to_2024-02.csv'),
    ])
    manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
  })
  afterAll(() => t.close())

  it('offers the crime store’s categories and the saved definition, and counts what was chosen', async () => {
    const form = await manager.get('/performance/indicators/new')
    expect(form.body).toContain('<option value="ROBBERY">Recorded crime: robbery</option>')
    expect(form.body).toContain(
      '<option value="serious-violence">Serious violence (the saved local definition)</option>',
    )
    const unknownType = await post(t, manager, '/performance/indicators/new', [
      ['key', 'made-up'],
      ['name', 'Made up'],
      ['polarity', 'down'],
      ['frequency', 'month'],
      ['source', 'computed'],
      ['computedArea', 'Southwark'],
      ['computedCrimeType', 'PIRACY'],
      ['computedComparatorAreas', 'Atlantis'],
    ])
    expect(unknownType.statusCode).toBe(400)
    expect(problems(unknownType.body).map(([field]) => field)).toEqual([
      'computedCrimeType',
      'computedComparatorAreas',
    ])

    // No population estimates are loaded, so there is no rate to give.
    const noPopulation = await post(t, manager, '/performance/indicators/new', [
      ['key', 'robbery-rate'],
      ['name', 'Robbery per 1,000 residents'],
      ['polarity', 'down'],
      ['frequency', 'financial-year'],
      ['source', 'computed'],
      ['computedArea', 'Southwark'],
      ['computedCrimeType', 'ROBBERY'],
      ['computedMeasure', 'rate'],
    ])
    expect(noPopulation.statusCode).toBe(400)
    expect(problems(noPopulation.body)).toEqual([
      ['computedMeasure', 'No population estimates are loaded: import them with safer areas import'],
    ])

    const saved = await post(t, manager, '/performance/indicators/new', [
      ['key', 'robbery'],
      ['name', 'Robbery in Southwark'],
      ['polarity', 'down'],
      ['frequency', 'financial-year'],
      ['source', 'computed'],
      ['computedSource', 'recorded'],
      ['computedArea', 'Southwark'],
      ['computedCrimeType', 'ROBBERY'],
      ['computedMeasure', 'count'],
      ['computedComparatorAreas', 'London'],
    ])
    expect(saved.statusCode).toBe(303)
    const view = await t.deps.services.indicators.get('robbery')
    expect(view.indicator).toMatchObject({
      unit: 'count',
      source: 'computed',
      computed: {
        source: 'recorded',
        area: 'Southwark',
        crimeType: 'ROBBERY',
        measure: 'count',
        comparatorAreas: ['London'],
      },
    })
    const year = view.series.points.find((p) => p.period === '2015-16')
    const direct = await t.deps.services.crime.analysis.counts({
      source: 'recorded',
      area: 'Southwark',
      crimeType: 'ROBBERY',
      from: '2015-04',
      to: '2016-03',
      by: 'month',
    })
    expect(year?.computed).toBe(true)
    expect(year?.value).toBe(direct.rows.reduce((sum, r) => sum + r.count, 0))
    expect(year?.comparators.London).toBeGreaterThan(0)
    expect((await manager.get(saved.headers.location as string)).body).toContain('Robbery in Southwark')
  })
})
