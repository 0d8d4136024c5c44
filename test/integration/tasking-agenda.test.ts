import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import type { BriefingFigures } from '../../src/modules/tasking/briefing/model.ts'
import { ValidationError } from '../../src/shared/errors.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { docxText } from '../helpers/docx.ts'
import { Browser } from '../helpers/session.ts'

// The tasking meeting's agenda beside its briefing, from the trackers through their service: the
// events of risk from the meeting date to the end of the next month, the latest tension in each
// area with its trend, and the critical incidents still open, on the page, the API and the Word
// document alike. (tasking.test.ts walks the same meeting with the trackers left out.)

describe.each(DIALECTS)('the tasking agenda on %s', (dialect) => {
  let t: TestApp
  let meetingId: number
  const operator = { actor: TEST_ACTOR, user: null }
  const tr = () => t.deps.services.trackers
  const text = (placeName: string) => ({ placeKind: 'text', placeName })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    meetingId = await t.deps.services.tasking.scheduleMeeting(operator, {
      month: '2026-02',
      meetingDate: '2026-03-10',
    })
    const event = (title: string, startsOn: string, riskLevel: string, endsOn?: string) =>
      tr().createEvent(operator, {
        title,
        eventType: 'other',
        startsOn,
        endsOn,
        riskLevel,
        ...text('Burgess Park'),
      })
    await event('Over the day before', '2026-03-09', 'high')
    await event('Still running on the day', '2026-03-08', 'medium', '2026-03-11')
    await event('Derby at the Den', '2026-03-21', 'high')
    await event('Last day of next month', '2026-04-30', 'low')
    await event('The month after', '2026-05-01', 'high')
    for (const [assessedOn, level] of [
      ['2026-01-05', 2],
      ['2026-02-05', 4],
    ] as const)
      await tr().createAssessment(operator, { areaKind: 'area', assessedOn, level })
    await tr().createIncident(operator, {
      title: 'Stabbing on Rye Lane',
      occurredOn: '2026-03-01',
      ...text('Rye Lane'),
    })
    const closed = await tr().createIncident(operator, {
      title: 'Closed already',
      occurredOn: '2026-01-01',
      ...text('Old Kent Road'),
    })
    await tr().closeIncident(operator, closed, { closedOn: '2026-01-20' })
  })
  afterAll(() => t?.close())

  it('gives the meeting the events to the end of next month, the latest tension and its trend, and open incidents', async () => {
    const meeting = await t.deps.services.tasking.getMeeting(meetingId)
    expect(meeting.upcomingEvents).toMatchObject({ available: true, from: '2026-03-10', to: '2026-04-30' })
    const events = meeting.upcomingEvents.available ? meeting.upcomingEvents.events : []
    expect(events.map((e) => e.title)).toEqual([
      'Still running on the day',
      'Derby at the Den',
      'Last day of next month',
    ])
    expect(events[1]).toEqual({
      date: '2026-03-21',
      title: 'Derby at the Den',
      place: 'Burgess Park',
      riskLevel: 'high',
    })
    // The same as the trackers' own answer, assessment for assessment.
    const latest = await tr().latestTensions()
    expect(meeting.communityTensions).toEqual({
      available: true,
      tensions: latest.map((l) => ({
        area: l.area.name,
        assessedOn: l.assessedOn,
        level: l.level,
        trend: l.trend,
      })),
    })
    expect(meeting.communityTensions.available && meeting.communityTensions.tensions[0]).toMatchObject({
      assessedOn: '2026-02-05',
      level: 4,
      trend: 'rising',
    })
    expect(
      meeting.criticalIncidents.available && meeting.criticalIncidents.incidents.map((i) => i.title),
    ).toEqual(['Stabbing on Rye Lane'])
  })

  it('shows them on the meeting page, through the API and in the Word document', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const page = await viewer.get(`/tasking/meetings/${meetingId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Events of risk from 10 March 2026 to 30 April 2026')
    expect(page.body).toContain('Derby at the Den')
    expect(page.body).not.toContain('The month after')
    expect(page.body).not.toContain('Over the day before')
    expect(page.body).toMatch(/4 of 5<\/td>\s*<td class="govuk-table__cell">Rising/)
    expect(page.body).toContain('Stabbing on Rye Lane</a>, Rye Lane, 1 March 2026: community response 0 of')
    expect(page.body).not.toContain('Closed already')
    expect(page.body).not.toContain('not available')

    const token = await apiTokenFor(t, 'viewer')
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tasking/meetings/${meetingId}`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(got.statusCode).toBe(200)
    const body = got.json()
    const kept = await t.deps.services.tasking.getMeeting(meetingId)
    expect(body.upcomingEvents).toEqual(kept.upcomingEvents)
    expect(body.communityTensions).toEqual(kept.communityTensions)
    expect(body.criticalIncidents).toEqual(kept.criticalIncidents)

    const file = await t.deps.services.tasking.exportMeetingBriefing(TEST_ACTOR, {
      ...kept,
      briefing: { generatedAt: '2026-03-01T09:00:00Z', figures: emptyFigures() },
    })
    const words = docxText(file.content)
    for (const expected of [
      'Events of risk coming up',
      'Derby at the Den',
      'Community tensions',
      '4 of 5',
      'Rising',
      'Stabbing on Rye Lane',
    ])
      expect(words).toContain(expected)
    expect(words).not.toContain('The month after')
  })

  it('links a critical incident to a tasking only when the tasking service knows it, and names it on the incident page', async () => {
    const org = (await t.deps.services.partners.listOrganisations())[0]?.id as number
    const taskingId = await t.deps.services.tasking.raiseTasking(operator, meetingId, {
      organisationId: org,
      placeKind: 'street',
      place: 'Rye Lane',
      action: 'Weapon sweep of the alleys behind the market',
      expectedResult: 'Alleys swept',
      dueDate: '2026-03-20',
    })
    const incident = (await tr().criticalIncidents(true))[0]?.id as number
    const linksBefore = await countRows(t, 'critical_incident_links')
    const unknown = await tr()
      .addLink(operator, incident, { taskingId: taskingId + 1000 })
      .catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(ValidationError)
    expect((unknown as ValidationError).fieldErrors.taskingId).toBe('There is no tasking with that number')
    expect(await countRows(t, 'critical_incident_links')).toBe(linksBefore)

    await tr().addLink(operator, incident, { taskingId })
    const linked = await tr().getIncident(incident)
    expect(linked.taskingIds).toEqual([taskingId])
    const organisation = (await t.deps.services.partners.getOrganisation(org)).name
    expect(linked.taskings).toEqual([
      {
        id: taskingId,
        meetingId,
        month: '2026-02',
        title: `${organisation}: Weapon sweep of the alleys behind the market (Street: Rye Lane)`,
      },
    ])
    const analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
    const page = await analyst.get(`/trackers/critical-incidents/${incident}`)
    expect(page.body).toContain(
      `<a class="govuk-link" href="/tasking/meetings/${meetingId}">Tasking ${taskingId}</a>: ${escapeHtml(organisation)}: Weapon sweep`,
    )
    const refused = await analyst.post(`/trackers/critical-incidents/${incident}/links`, {
      taskingId: '99999',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('There is no tasking with that number')
  })
})

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** A briefing with no crime loaded: the agenda's sections follow it in the document. */
function emptyFigures(): BriefingFigures {
  return {
    month: '2026-02',
    area: { type: 'lad', code: 'E09000028', name: 'Southwark' },
    source: 'recorded',
    sourceLabel: 'Met recorded crime',
    generatedAt: '2026-03-01T09:00:00Z',
    dataAsAt: { latestMonth: null, loadedAt: null },
    hotspotCount: 5,
    populationYear: null,
    total: null,
    hotspots: { lsoas: [], wards: [] },
    changes: [],
    changeTest: null,
    violence: { types: ['ROBBERY'], total: null, byType: [], lsoas: [] },
  }
}
