import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { loadCrimeDemo } from '../../src/modules/crime/demo.ts'
import { MODULES } from '../../src/modules/index.ts'
import { type AnalyticsStore, openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import type { BriefingFigures } from '../../src/modules/tasking/briefing/model.ts'
import { ForbiddenError, type ValidationError } from '../../src/shared/errors.ts'
import { poissonComparisonPValue } from '../../src/shared/statistics.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { docxText } from '../helpers/docx.ts'
import { Browser } from '../helpers/session.ts'

// Tasking on the real database and the real crime store, loaded with the demo extract (Southwark's
// Met recorded crime by LSOA from February 2024): the briefing's figures against the same counts
// queried straight from the store, "not comparable" where the data's level changes, taskings carried
// over from one meeting to the next, who may change what, the pages, the API and the audit log.

const SOUTHWARK = 'E09000028'
const WITHOUT_TRACKERS = MODULES.filter((m) => m.name !== 'trackers')
const VIOLENCE = ['VIOLENCE AGAINST THE PERSON', 'SEXUAL OFFENCES', 'ROBBERY', 'POSSESSION OF WEAPONS']

/** Southwark's recorded crimes by LSOA, straight from the store, for the months and categories given. */
async function directLsoaCounts(store: AnalyticsStore, from: string, to: string, categories?: string[]) {
  const filter = categories ? `AND r.major_category IN (${categories.map((c) => `'${c}'`).join(', ')})` : ''
  return store.all<{ code: string; ward: string; n: number }>(
    `SELECT r.area_code AS code, l.ward_code AS ward, sum(r.count)::INTEGER AS n
     FROM recorded_crimes r JOIN lsoa_lookup l ON l.lsoa21_code = r.area_code
     WHERE r.area_type = 'lsoa' AND l.lad_code = '${SOUTHWARK}'
       AND r.month BETWEEN DATE '${from}-01' AND DATE '${to}-01' ${filter}
     GROUP BY 1, 2`,
  )
}
const sum = (rows: Array<{ n: number }>) => rows.reduce((s, r) => s + r.n, 0)
const topCounts = (counts: number[], n: number) => [...counts].sort((a, b) => b - a).slice(0, n)

describe.each(DIALECTS)('tasking on %s', (dialect) => {
  let t: TestApp
  let store: AnalyticsStore
  const operator = { actor: TEST_ACTOR, user: null }
  const as = (role: Role) => ({ actor: TEST_ACTOR, user: { role } })
  const tasking = () => t.deps.services.tasking
  const orgId = async (short: string) =>
    (await t.deps.services.partners.listOrganisations()).find((o) => o.shortName === short)?.id as number

  beforeAll(async () => {
    // Without the trackers, so the agenda's "not available" path is the one walked here.
    t = await buildTestApp(dialect, {}, { modules: WITHOUT_TRACKERS })
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    await loadCrimeDemo(t.deps.services, TEST_ACTOR)
    store = openAnalyticsStore(t.deps.services.crime.storePath)
  })
  afterAll(async () => {
    await store?.close()
    await t?.close()
  })

  describe('the briefing for June 2025', () => {
    let figures: BriefingFigures
    let meetingId: number

    beforeAll(async () => {
      meetingId = await tasking().scheduleMeeting(operator, { month: '2025-06', meetingDate: '2025-07-08' })
      figures = (await tasking().generateBriefing(operator, meetingId)).figures
    })

    it('is for the home area from recorded crime, and says what data it rests on', async () => {
      expect(figures.area).toEqual({ type: 'lad', code: SOUTHWARK, name: 'Southwark' })
      expect(figures.source).toBe('recorded')
      expect(figures.dataAsAt.latestMonth).toBe('2026-02')
      expect(figures.dataAsAt.loadedAt).not.toBeNull()
      expect(figures.violence.types).toEqual(VIOLENCE)
    })

    it('has the total, the hotspot LSOAs and wards and their rates that direct queries on the store give', async () => {
      const rows = await directLsoaCounts(store, '2025-06', '2025-06')
      expect(figures.total).toBe(sum(rows))
      const byLsoa = new Map(rows.map((r) => [r.code, r.n]))
      expect(figures.hotspots.lsoas).toHaveLength(5)
      expect(figures.hotspots.lsoas.map((l) => l.count)).toEqual(topCounts([...byLsoa.values()], 5))
      for (const l of figures.hotspots.lsoas) {
        expect(l.count).toBe(byLsoa.get(l.code))
        const [pop] = await store.all<{ p: number }>(
          `SELECT population AS p FROM population WHERE lsoa21_code = '${l.code}' AND year = ${figures.populationYear}`,
        )
        expect(l.ratePer1000).toBe((l.count * 1000) / (pop?.p as number))
      }
      const byWard = new Map<string, number>()
      for (const r of rows) byWard.set(r.ward, (byWard.get(r.ward) ?? 0) + r.n)
      expect(figures.hotspots.wards.map((w) => w.count)).toEqual(topCounts([...byWard.values()], 5))
      for (const w of figures.hotspots.wards) expect(w.count).toBe(byWard.get(w.code))
    })

    it('counts serious violence by the definition’s categories as the store holds them', async () => {
      expect(figures.violence.total).toBe(sum(await directLsoaCounts(store, '2025-06', '2025-06', VIOLENCE)))
      for (const { type, count } of figures.violence.byType)
        expect(count).toBe(sum(await directLsoaCounts(store, '2025-06', '2025-06', [type])))
      const violent = new Map(
        (await directLsoaCounts(store, '2025-06', '2025-06', VIOLENCE)).map((r) => [r.code, r.n]),
      )
      expect(figures.violence.lsoas.map((l) => l.count)).toEqual(topCounts([...violent.values()], 5))
      for (const l of figures.violence.lsoas) expect(l.count).toBe(violent.get(l.code))
    })

    it('compares the quarter with the one before and the month with a year earlier, with the change test, like for like', async () => {
      const all = figures.changes.filter((c) => c.subject === 'All crime')
      const quarter = all.find((c) => c.against === 'previous-three-months')
      const year = all.find((c) => c.against === 'last-year')
      const now = sum(await directLsoaCounts(store, '2025-04', '2025-06'))
      const before = sum(await directLsoaCounts(store, '2025-01', '2025-03'))
      expect(quarter).toMatchObject({
        current: { from: '2025-04', to: '2025-06', total: now },
        previous: { from: '2025-01', to: '2025-03', total: before },
        comparable: true,
        reason: null,
      })
      expect(quarter?.changePercent).toBe(((now - before) * 100) / before)
      expect(quarter?.pValue).toBe(poissonComparisonPValue(now, before))
      expect(quarter?.significant).toBe(poissonComparisonPValue(now, before) < 0.05)
      const lastJune = sum(await directLsoaCounts(store, '2024-06', '2024-06'))
      expect(year).toMatchObject({
        previous: { from: '2024-06', to: '2024-06', total: lastJune },
        comparable: true,
      })
      expect(year?.pValue).toBe(poissonComparisonPValue(figures.total as number, lastJune))
      // Each violence type and each hotspot ward is compared both ways too.
      const subjects = new Set(figures.changes.map((c) => c.subject))
      for (const type of VIOLENCE) expect(subjects.has(type)).toBe(true)
      for (const w of figures.hotspots.wards) expect(subjects.has(`Ward: ${w.name}`)).toBe(true)
      expect(figures.changes).toHaveLength(2 * (2 + VIOLENCE.length + figures.hotspots.wards.length))
    })

    it('is kept exactly as generated: reading the meeting gives the same figures, and regenerating replaces them', async () => {
      const kept = await tasking().getMeeting(meetingId)
      expect(kept.briefing?.figures).toEqual(figures)
      const again = await tasking().generateBriefing(operator, meetingId)
      expect(again.figures.generatedAt >= figures.generatedAt).toBe(true)
      expect({ ...again.figures, generatedAt: null, dataAsAt: null }).toEqual({
        ...figures,
        generatedAt: null,
        dataAsAt: null,
      })
      expect(await countRows(t, 'tasking_briefings')).toBe(1)
    })
  })

  it('says "not comparable" with no figure where the data’s level differs between the periods', async () => {
    // The Met's borough figures end in February 2024; March 2024 exists at LSOA level only.
    const id = await tasking().scheduleMeeting(operator, { month: '2024-03', meetingDate: '2024-04-09' })
    const { figures } = await tasking().generateBriefing(operator, id)
    const quarter = figures.changes.find(
      (c) => c.subject === 'All crime' && c.against === 'previous-three-months',
    )
    expect(quarter?.comparable).toBe(false)
    expect(quarter?.changePercent).toBeNull()
    expect(quarter?.significant).toBeNull()
    expect(quarter?.reason).toMatch(/^Not like for like: the Met's figures come from/)
  })

  it('brings a tasking still open when one meeting is held back to the next, until its outcome is recorded', async () => {
    const july = await tasking().scheduleMeeting(operator, { month: '2025-07', meetingDate: '2025-08-12' })
    const august = await tasking().scheduleMeeting(operator, { month: '2025-08', meetingDate: '2025-09-09' })
    const mps = await orgId('MPS')
    const lbs = await orgId('LBS')
    const street = await tasking().raiseTasking(operator, july, {
      organisationId: mps,
      placeKind: 'street',
      place: 'Walworth Road',
      action: 'Weapon sweep of the estate’s open spaces',
      expectedResult: 'Sweep done and recorded',
      dueDate: '2025-08-31',
    })
    const lsoa = (await directLsoaCounts(store, '2025-07', '2025-07'))[0]?.code as string
    const inLsoa = await tasking().raiseTasking(operator, july, {
      organisationId: lbs,
      placeKind: 'lsoa',
      place: lsoa,
      action: 'Environmental visual audit',
      expectedResult: 'Repairs ordered',
      dueDate: '2025-08-31',
    })
    const point = await tasking().raiseTasking(operator, july, {
      organisationId: lbs,
      placeKind: 'point',
      latitude: '51.4875',
      longitude: '-0.0936',
      action: 'Cut back the hedges hiding the path',
      expectedResult: 'Clear sight lines',
      dueDate: '2025-08-31',
    })
    expect((await tasking().getTasking(inLsoa)).place).toMatchObject({ kind: 'lsoa', code: lsoa })
    expect((await tasking().getTasking(point)).place).toMatchObject({ latitude: 51.4875, longitude: -0.0936 })
    // Before July is held, August already reviews July's open taskings.
    expect((await tasking().getMeeting(august)).forReview.map((x) => x.id)).toEqual([street, inLsoa, point])

    const done = await tasking().getTasking(point)
    await tasking().recordOutcome(operator, point, {
      status: 'done',
      actualResult: 'Cut back',
      version: done.version,
    })
    expect((await tasking().getTasking(point)).resolvedAtMeetingId).toBe(august)

    // Held, July reviewed nothing of its own: what it raised stays open and comes to August.
    await tasking().changeStatus(operator, july, { status: 'held' })
    const reviewed = await tasking().getMeeting(august)
    expect(reviewed.forReview.map((x) => [x.id, x.status])).toEqual([
      [street, 'open'],
      [inLsoa, 'open'],
      [point, 'done'],
    ])

    const one = await tasking().getTasking(street)
    await tasking().recordOutcome(operator, street, {
      status: 'not-done',
      notDoneReason: 'Officers redeployed',
      version: one.version,
    })
    // Held, August carries over what it reviewed and is unfinished: to September, and on.
    await tasking().changeStatus(operator, august, { status: 'held' })
    const september = await tasking().scheduleMeeting(operator, {
      month: '2025-09',
      meetingDate: '2025-10-14',
    })
    const next = await tasking().getMeeting(september)
    expect(next.forReview.map((x) => [x.id, x.status])).toEqual([[inLsoa, 'carried-over']])
    expect(next.forReview[0]?.carriedOverAtMeetingId).toBe(august)
    // August keeps what it reviewed, each as it stands now.
    expect((await tasking().getMeeting(august)).forReview.map((x) => [x.id, x.status])).toEqual([
      [street, 'not-done'],
      [inLsoa, 'carried-over'],
      [point, 'done'],
    ])

    const log = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('action', '=', 'tasking-meeting.status')
      .where('entity_id', '=', String(august))
      .execute()
    expect(JSON.parse(log[0]?.detail as string).carriedOver).toEqual([inLsoa])
  })

  it('refuses bad input and those who may not manage, writing nothing', async () => {
    const id = (await tasking().findMeetingByMonth('2025-06')) as number
    const before = await countRows(t, 'taskings')
    const audited = await countRows(t, 'audit_log')
    const base = {
      organisationId: await orgId('MPS'),
      action: 'Patrols',
      expectedResult: 'Fewer crimes',
      dueDate: '2025-07-31',
    }
    const refused = async (who: ReturnType<typeof as> | typeof operator, input: unknown) =>
      tasking()
        .raiseTasking(who, id, input)
        .then(() => null)
        .catch((e: unknown) => e)
    expect(
      await refused(as('viewer'), { ...base, placeKind: 'street', place: 'High Street' }),
    ).toBeInstanceOf(ForbiddenError)
    expect(await refused(as('lead'), { ...base, placeKind: 'street', place: 'High Street' })).toBeInstanceOf(
      ForbiddenError,
    )
    const noWard = (await refused(as('analyst'), {
      ...base,
      placeKind: 'ward',
      place: 'Atlantis',
    })) as ValidationError
    expect(noWard.fieldErrors.place).toMatch(/No ward called "Atlantis"/)
    const noPoint = (await refused(operator, {
      ...base,
      placeKind: 'point',
      latitude: '40',
    })) as ValidationError
    expect(noPoint.fieldErrors).toMatchObject({
      latitude: 'Enter a latitude in the UK, between 49 and 61',
      longitude: 'Enter the point’s longitude',
    })
    const again = await tasking()
      .scheduleMeeting(operator, { month: '2025-06', meetingDate: '2025-07-01' })
      .catch((e: unknown) => e)
    expect((again as ValidationError).fieldErrors.month).toBe(
      'There is already a tasking meeting for this month',
    )
    expect(await countRows(t, 'taskings')).toBe(before)
    expect(await countRows(t, 'audit_log')).toBe(audited)
  })

  it('shows the meeting page with its briefing and commentary, downloads it as Word, and audits the reads', async () => {
    const id = (await tasking().findMeetingByMonth('2025-06')) as number
    const analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
    const list = await analyst.get('/tasking')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('June 2025')
    const page = await analyst.get(`/tasking/meetings/${id}`)
    expect(page.statusCode).toBe(200)
    for (const heading of ['Hotspots', 'Significant changes', 'Serious violence'])
      expect(page.body).toContain(`>${heading}</h2>`)
    expect(page.body).toContain('The events tracker is not available yet')
    const saved = await analyst.post(`/tasking/meetings/${id}/commentary`, {
      section: 'hotspots',
      body: 'Peckham’s night-time economy again.',
    })
    expect(saved.statusCode).toBe(303)
    const file = await analyst.get(`/tasking/meetings/${id}/briefing.docx`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="tasking-briefing-southwark-2025-06.docx"',
    )
    const text = docxText(file.rawPayload)
    expect(text).toContain('Violence intelligence briefing: Southwark')
    expect(text).toContain('Peckham’s night-time economy again.')
    const views = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', 'in', ['tasking-meeting'])
      .where('entity_id', '=', String(id))
      .execute()
    const actions = views.map((v) => v.action)
    expect(actions).toEqual(
      expect.arrayContaining(['viewed', 'tasking-briefing.commentary', 'tasking-briefing.export']),
    )

    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const read = await viewer.get(`/tasking/meetings/${id}`)
    expect(read.statusCode).toBe(200)
    expect(read.body).not.toContain('Save commentary')
    expect(
      (await viewer.post(`/tasking/meetings/${id}/commentary`, { section: 'hotspots', body: 'x' }))
        .statusCode,
    ).toBe(403)
  })

  it('gives the meeting through the API as the service keeps it, and records a tasking there', async () => {
    const id = (await tasking().findMeetingByMonth('2025-06')) as number
    const token = await apiTokenFor(t, 'partnership-manager')
    const headers = { authorization: `Bearer ${token}` }
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/tasking/meetings/${id}`, headers })
    expect(got.statusCode).toBe(200)
    expect(got.json().briefing.figures).toEqual((await tasking().getMeeting(id)).briefing?.figures)
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasking/meetings/${id}/taskings`,
      headers,
      payload: {
        organisationId: await orgId('YOS'),
        placeKind: 'ward',
        place: 'Peckham',
        action: 'Detached youth work',
        expectedResult: 'Two sessions a week',
        dueDate: '2025-07-31',
      },
    })
    expect(made.statusCode).toBe(201)
    expect(made.json().place).toMatchObject({ kind: 'ward', name: 'Peckham' })
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasking/taskings/${made.json().id}/outcome`,
      headers,
      payload: { status: 'not-done', version: made.json().version },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Say why it was not done')
  })
})
