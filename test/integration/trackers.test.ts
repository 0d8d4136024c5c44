import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { DEMO_DATA } from '../../src/modules/crime/demo.ts'
import { MODULES } from '../../src/modules/index.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { loadTrackersDemo } from '../../src/modules/trackers/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// The trackers on the real database and the real crime store (the demo's Southwark areas and its
// stop and search, 2024-03 to 2024-06): the demo's events, tensions with a rise and fall, police
// activity beside the stop and search figures ("no data" where the store holds none, never 0),
// a critical incident's response, who may change what, and every change and sensitive read audited.

const PECKHAM = 'E05011110'

describe.each(DIALECTS)('trackers on %s', (dialect) => {
  let t: TestApp
  let viewer: Browser
  let analyst: Browser
  const operator = { actor: TEST_ACTOR, user: null }
  const as = (role: Role) => ({ actor: TEST_ACTOR, user: { role } })
  const tr = () => t.deps.services.trackers
  const auditActions = async () =>
    (await t.deps.database.db.selectFrom('audit_log').select(['action', 'entity_type']).execute()).map(
      (r) => r.action,
    )

  beforeAll(async () => {
    // Without tasking, so a tasking's number is kept as given (tasking-agenda.test.ts has both).
    t = await buildTestApp(dialect, {}, { modules: MODULES.filter((m) => m.name !== 'tasking') })
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    const { crime } = t.deps.services
    const areas = await crime.importAreas(TEST_ACTOR, [join(DEMO_DATA, 'areas')])
    // Southwark's LSOA recorded crime makes it the partnership's home area, whose wards the trackers offer.
    const searches = await crime.ingest(TEST_ACTOR, [
      join(DEMO_DATA, 'police-uk/met-stop-and-search'),
      join(DEMO_DATA, 'mps-recorded-crime/mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv'),
    ])
    expect([...areas.failed, ...searches.failed]).toEqual([])
    await loadTrackersDemo(t.deps.services, TEST_ACTOR)
    viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
  }, 300_000)
  afterAll(() => t?.close())

  it('holds the demo: a dozen events, some to come, and upcomingEvents for the tasking agenda', async () => {
    const upcoming = await tr().listEvents({ when: 'upcoming' })
    const past = await tr().listEvents({ when: 'past' })
    expect(upcoming.length + past.length).toBe(12)
    expect(upcoming.length).toBeGreaterThan(0)
    expect(upcoming.map((e) => e.startsOn)).toEqual([...upcoming.map((e) => e.startsOn)].sort())
    expect(upcoming.every((e) => e.startsOn >= londonToday())).toBe(true)
    const high = await tr().listEvents({ when: 'upcoming', riskLevel: 'high' })
    expect(high.length).toBeGreaterThan(0)
    expect(high.every((e) => e.riskLevel === 'high')).toBe(true)
    // The agenda's window: only those starting by its end.
    const today = londonToday()
    const fortnight = new Date(`${today}T00:00:00Z`)
    fortnight.setUTCDate(fortnight.getUTCDate() + 14)
    const window = await tr().upcomingEvents(today, fortnight.toISOString().slice(0, 10))
    expect(window.map((e) => e.id)).toEqual(
      upcoming.filter((e) => e.startsOn <= fortnight.toISOString().slice(0, 10)).map((e) => e.id),
    )
    // Wards are named as the crime store names them, and partners by the partners service.
    const peckham = upcoming.find((e) => e.place.code === PECKHAM)
    expect(peckham?.place.name).toBe('Peckham')
    expect(peckham?.partners.map((p) => p.name)).toContain('Metropolitan Police Service')
  })

  it('gives each ward’s tension a trend from its previous assessment: Peckham rises to 4 and falls again', async () => {
    const history = await tr().tensionHistory(PECKHAM)
    expect(history.map((h) => h.level)).toEqual([2, 2, 2, 3, 4, 4, 3, 3, 2, 2, 2, 2])
    expect(history.map((h) => h.trend)).toEqual([
      null,
      'stable',
      'stable',
      'rising',
      'rising',
      'stable',
      'falling',
      'stable',
      'falling',
      'stable',
      'stable',
      'stable',
    ])
    const latest = await tr().latestTensions()
    expect(latest.map((l) => l.area.name).sort()).toEqual(['Faraday', 'Old Kent Road', 'Peckham'])
    expect(latest.find((l) => l.area.code === PECKHAM)).toMatchObject({ level: 2, trend: 'stable' })
    // A new assessment rises from the last one.
    const id = await tr().createAssessment(operator, {
      areaKind: 'ward',
      wardCode: PECKHAM,
      assessedOn: londonToday(),
      level: 3,
      indicators: [{ indicator: 'intelligence', level: 3, note: 'Rumours of reprisals' }],
    })
    const made = await tr().getAssessment(id)
    expect(made).toMatchObject({ level: 3, previousLevel: 2, trend: 'rising' })
    expect(made.indicators).toEqual([{ indicator: 'intelligence', level: 3, note: 'Rumours of reprisals' }])
  })

  it('sets police activity beside the crime store’s stop and search, and says “no data” for months it lacks', async () => {
    await tr().createActivity(operator, {
      activityOn: '2024-04-10',
      tactic: 'weapon-sweep',
      placeKind: 'ward',
      wardCode: PECKHAM,
      weaponsRecovered: 3,
    })
    const report = await tr().activityReport('2024-02', '2024-06')
    const { crime } = t.deps.services
    const area = await crime.homeArea()
    expect(report.stopSearch.area?.name).toBe('Southwark')
    const direct = await crime.insights.stopSearch(area as NonNullable<typeof area>, '2024-03', '2024-06')
    expect(report.stopSearch.total).toBe(direct.summary.total)
    expect(report.stopSearch.total).toBeGreaterThan(0)
    expect(report.byMonth.map((m) => [m.key, m.stopSearch.searches])).toEqual([
      ['2024-02', null],
      ...direct.byMonth.map((m) => [m.key, m.count]),
    ])
    expect(report.byMonth.find((m) => m.key === '2024-04')).toMatchObject({ entries: 1, weaponsRecovered: 3 })
    expect(report.byPlace).toEqual([
      expect.objectContaining({ key: `ward:${PECKHAM}`, label: 'Peckham', entries: 1 }),
    ])

    // The demo's year has activity but no stop and search in the store: no data, not 0.
    const year = await tr().activityReport(
      `${Number(londonToday().slice(0, 4)) - 1}-${londonToday().slice(5, 7)}`,
      londonToday().slice(0, 7),
    )
    expect(year.activities.length).toBeGreaterThan(10)
    expect(year.stopSearch.total).toBeNull()
    expect(year.byMonth.every((m) => m.stopSearch.searches === null)).toBe(true)
    const page = await viewer.get('/trackers/police-activity?from=2024-02&to=2024-06')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('data-month="2024-02">No data<')
    expect(page.body).toContain(`data-month="2024-03">${direct.byMonth[0]?.count}<`)
    expect(page.body).toMatch(/<svg[^>]+role="img" aria-labelledby="activity-map-title activity-map-desc"/)
    const yearPage = await viewer.get('/trackers/police-activity')
    expect(yearPage.body).toContain('<span data-figure="stop-search-total">no data</span>')
    expect(yearPage.body).not.toContain('data-figure="stop-search-total">0<')
  })

  it('runs a critical incident’s response: checklist, timeline, links, then closed', async () => {
    const open = await tr().criticalIncidents(true)
    expect(open).toHaveLength(1)
    expect(open[0]).toMatchObject({ title: 'Fatal stabbing, Peckham', done: 3, items: 5 })
    const id = open[0]?.id as number
    const incident = await tr().getIncident(id)
    expect(incident.checklist.map((c) => [c.item, c.doneOn !== null])).toEqual([
      ['communications', true],
      ['reassurance-patrols', true],
      ['tension-assessment', true],
      ['community-leaders', false],
      ['victim-support', false],
    ])
    expect(incident.tensionAssessments.map((a) => a.level)).toEqual([4])
    await tr().tickItem(operator, id, {
      item: 'victim-support',
      doneBy: 'Victim Support Southwark',
      doneOn: londonToday(),
    })
    await tr().addLink(operator, id, { taskingId: 17 })
    await expect(tr().addLink(operator, id, { taskingId: 17 })).rejects.toThrow(ValidationError)
    await tr().addTimelineEntry(operator, id, { at: `${londonToday()}T10:00`, entry: 'Review meeting held.' })
    const after = await tr().getIncident(id)
    expect(after.done).toBe(4)
    expect(after.taskingIds).toEqual([17])
    expect(after.timeline.at(-1)?.entry).toBe('Review meeting held.')
    await tr().closeIncident(operator, id, { closedOn: londonToday() })
    expect(await tr().criticalIncidents(true)).toHaveLength(0)
    await expect(
      tr().addTimelineEntry(operator, id, { at: `${londonToday()}T11:00`, entry: 'Late' }),
    ).rejects.toThrow(/closed/)
    const actions = await auditActions()
    for (const a of [
      'critical-incident.create',
      'critical-incident.checklist',
      'critical-incident.link',
      'critical-incident.timeline',
      'critical-incident.close',
    ])
      expect(actions).toContain(a)
  })

  it('lets analysts change the trackers and no one else, refusing bad input with nothing written', async () => {
    const event = {
      title: 'Street party',
      eventType: 'festival',
      startsOn: '2030-06-01',
      riskLevel: 'low',
      placeKind: 'text',
      placeName: 'Bellenden Road',
    }
    for (const role of ['viewer', 'lead', 'caseworker', 'board-member'] as const)
      await expect(tr().createEvent(as(role), event)).rejects.toThrow(ForbiddenError)
    const before = await countRows(t, 'tracker_events')
    await expect(
      tr().createEvent(as('analyst'), { ...event, placeKind: 'ward', wardCode: 'E05999999' }),
    ).rejects.toThrow(ValidationError)
    await expect(tr().createEvent(as('analyst'), { ...event, endsOn: '2030-05-01' })).rejects.toThrow(
      ValidationError,
    )
    await expect(
      tr().createActivity(as('analyst'), {
        activityOn: '2030-01-01',
        tactic: 'weapon-sweep',
        placeKind: 'point',
        placeName: 'x',
        latitude: '95',
        longitude: '0',
      }),
    ).rejects.toThrow(ValidationError)
    expect(await countRows(t, 'tracker_events')).toBe(before)
    const id = await tr().createEvent(as('analyst'), event)
    const made = await tr().getEvent(id)
    await tr().updateEvent(as('partnership-manager'), id, {
      ...event,
      outcome: 'Went well',
      version: made.version,
    })
    await expect(tr().updateEvent(as('admin'), id, { ...event, version: made.version })).rejects.toThrow(
      /Someone else changed/,
    )
    expect((await tr().getEvent(id)).outcome).toBe('Went well')
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['tracker-event.create', 'tracker-event.update']),
    )
  })

  it('adds an event through the form without JavaScript, and shows every page to a viewer', async () => {
    await analyst.get('/trackers/events/new')
    const bad = await analyst.post('/trackers/events', {
      title: '',
      eventType: 'football',
      riskLevel: 'medium',
      placeKind: 'ward',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter what the event is, without naming anyone')
    // Where the place is checked once the rest is right.
    const noWard = await analyst.post('/trackers/events', {
      title: 'Cup replay',
      eventType: 'football',
      startsOn: '2030-02-01',
      riskLevel: 'medium',
      placeKind: 'ward',
    })
    expect(noWard.statusCode).toBe(400)
    expect(noWard.body).toContain('Select the ward')
    const good = await analyst.post('/trackers/events', {
      title: 'Cup replay, South Bermondsey',
      eventType: 'football',
      startsOn: '2030-02-01',
      riskLevel: 'medium',
      placeKind: 'ward',
      wardCode: 'E05011116',
      partnerIds: String((await t.deps.services.partners.listOrganisations())[0]?.id),
    })
    expect(good.statusCode).toBe(303)
    const shown = await viewer.get(good.headers.location as string)
    expect(shown.body).toContain('Cup replay, South Bermondsey')
    expect(shown.body).toContain('South Bermondsey (ward)')
    expect(shown.body).not.toContain('Change this event')

    const incident = (await tr().criticalIncidents())[0]?.id as number
    const assessment = (await tr().latestTensions())[0]?.id as number
    for (const url of [
      '/trackers',
      '/trackers/events',
      '/trackers/events?when=past&type=funeral',
      '/trackers/tensions',
      `/trackers/tensions/history?area=${PECKHAM}`,
      `/trackers/tensions/${assessment}`,
      '/trackers/police-activity',
      '/trackers/critical-incidents',
      `/trackers/critical-incidents/${incident}`,
    ]) {
      const page = await viewer.get(url)
      expect(page.statusCode, url).toBe(200)
    }
    const history = await viewer.get(`/trackers/tensions/history?area=${PECKHAM}`)
    expect(history.body).toMatch(
      /<svg[^>]+role="img" aria-labelledby="tension-history-title tension-history-desc"/,
    )
    expect(history.body).toContain('Community tension in Peckham')
    expect(history.body.match(/data-level="/g)?.length).toBe((await tr().tensionHistory(PECKHAM)).length)
  })

  it('keeps free text out of the API’s lists, audits reads of incidents and assessments, and documents every route', async () => {
    const token = await apiTokenFor(t, 'viewer')
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
    const list = (await get('/api/v1/events?when=past')).json()
    expect(list.events.length).toBeGreaterThan(0)
    for (const e of list.events) {
      expect(e).not.toHaveProperty('plan')
      expect(e).not.toHaveProperty('outcome')
      expect(e).not.toHaveProperty('description')
    }
    const one = (await get(`/api/v1/events/${list.events[0].id}`)).json()
    expect(one.outcome).toBeTruthy()
    const activity = (await get('/api/v1/police-activity?from=2024-02&to=2024-06')).json()
    expect(activity.byMonth[0]).toMatchObject({ key: '2024-02', stopSearch: { searches: null } })
    expect(activity.activities[0]).not.toHaveProperty('resultNote')
    expect(activity).not.toHaveProperty('wards')

    const incident = (await tr().criticalIncidents())[0]?.id as number
    const viewedBefore = await countRows(t, 'audit_log')
    expect((await get(`/api/v1/critical-incidents/${incident}`)).statusCode).toBe(200)
    expect((await viewer.get(`/trackers/critical-incidents/${incident}`)).statusCode).toBe(200)
    const viewed = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id'])
      .where('action', '=', 'viewed')
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
    expect(await countRows(t, 'audit_log')).toBe(viewedBefore + 2)
    expect(viewed.map((v) => [v.entity_type, String(v.entity_id)])).toEqual([
      ['critical-incident', String(incident)],
      ['critical-incident', String(incident)],
    ])
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { authorization: `Bearer ${token}` },
      payload: { title: 'x' },
    })
    expect(refused.statusCode).toBe(403)
    const doc = (await get('/api/v1/openapi.json')).json()
    for (const path of [
      '/api/v1/events/{id}',
      '/api/v1/tensions/history',
      '/api/v1/police-activity',
      '/api/v1/critical-incidents/{id}/checklist',
    ])
      expect(Object.keys(doc.paths)).toContain(path)
  })
})
