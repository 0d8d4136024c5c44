import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadGovernanceDemoYear } from '../../src/modules/governance/demo.ts'
import type { DemoYear } from '../../src/modules/governance/demo-year.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// The statutory duties tracker and the demo's year of meetings on the real database, loaded as on
// a fixed day (15 November 2026, in the partnership year 2026/27) so nothing depends on the clock.

const TODAY = '2026-11-15'

describe.each(DIALECTS)('statutory duties and the demo year on %s', (dialect) => {
  let t: TestApp
  let year: DemoYear
  const operator = { actor: TEST_ACTOR, user: null }
  const g = () => t.deps.services.governance
  const boardId = async (name: string) => (await g().findBoardByName(name)) as number

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    year = await loadGovernanceDemoYear(t.deps.services, TEST_ACTOR, TODAY)
  })
  afterAll(() => t.close())

  it('loads a year of meetings: held with minutes approved, a public meeting and the next one scheduled', async () => {
    const delivery = await boardId('Safer Communities Delivery Group')
    const meetings = await g().listMeetings(delivery)
    // Seed 004's two meetings of 2011, four quarterly meetings, the public meeting and the next one.
    expect(meetings).toHaveLength(8)
    expect(await g().listMeetings(await boardId('Safeguarding Adults Board'))).toHaveLength(2)
    expect(await g().listMeetings(await boardId('Safeguarding Executive'))).toHaveLength(2)
    const thisYear = meetings.filter((m) => m.startsAt >= '2025-01-01')
    expect(thisYear.map((m) => [m.startsAt, m.status])).toEqual([
      ['2026-12-10T18:30', 'scheduled'],
      ['2026-10-16T19:00', 'minutes-approved'],
      ['2026-08-13T18:30', 'minutes-approved'],
      ['2026-05-14T18:30', 'minutes-approved'],
      ['2026-02-12T18:30', 'minutes-approved'],
      ['2025-11-13T18:30', 'minutes-approved'],
    ])
    expect(await g().isPublicMeeting(year.publicMeeting)).toBe(true)
    expect((await g().listPublicMeetings()).map((m) => m.id)).toEqual([year.published])

    // The next agenda: matters arising carries the two actions still open, one of them overdue.
    const next = await g().getMeeting(year.next)
    expect(next.items.map((i) => i.title).slice(0, 2)).toEqual([
      'Matters arising',
      'Knife, gun and serious violence performance',
    ])
    expect(next.mattersArising.map((a) => [a.description, a.dueDate])).toEqual([
      ['Draft the information sharing agreement with schools.', '2026-06-11'],
      ['Report on the red deliverables of the action plan.', '2026-12-10'],
    ])
    expect(next.mattersArising.filter((a) => (a.dueDate as string) < TODAY)).toHaveLength(1)
    const published = await g().getMeeting(year.published)
    expect(published.items.filter((i) => i.exempt).map((i) => i.title)).toEqual([
      'Domestic homicide review: findings',
    ])
    expect(await countRows(t, 'actions_arising')).toBe(6)
  })

  it('loads decision records and a forward plan: call-in open and closed, full and short notice', async () => {
    const { decisions } = year
    const register = await g().listDecisions({}, TODAY)
    expect(register.map((d) => d.id).sort()).toEqual(
      [decisions.callInOpen, decisions.callInClosed, decisions.exempt].sort(),
    )
    const open = await g().getDecision(decisions.callInOpen, TODAY)
    expect(open).toMatchObject({ keyDecision: true, subjectToCallIn: true, callInOpen: true })
    expect((open.callInDeadline as string) > TODAY).toBe(true)
    const closed = await g().getDecision(decisions.callInClosed, TODAY)
    expect(closed).toMatchObject({ subjectToCallIn: true, callInOpen: false, meetingId: year.published })
    expect((await g().listDecisions({ callIn: 'open' }, TODAY)).map((d) => d.id)).toEqual([
      decisions.callInOpen,
    ])
    // The exempt decision stays off the public page; the other two are on it.
    expect((await g().listPublicDecisions(TODAY)).map((d) => d.id).sort()).toEqual(
      [decisions.callInOpen, decisions.callInClosed].sort(),
    )

    const plan = await g().listForwardPlan(TODAY)
    expect(plan.map((f) => f.id).sort()).toEqual([decisions.fullNotice, decisions.shortNotice].sort())
    const full = plan.find((f) => f.id === decisions.fullNotice)
    expect(full).toMatchObject({ keyDecision: true, shortNotice: false, exceptionReason: null })
    expect(full?.clearDays).toBeGreaterThanOrEqual(28)
    const short = plan.find((f) => f.id === decisions.shortNotice)
    expect(short).toMatchObject({ keyDecision: true, shortNotice: true, clearDays: 9 })
    expect(short?.exceptionReason).toContain('28 clear days')
  })

  it('shows the year’s duties green, amber, red and not yet due by the rule', async () => {
    const tracked = await g().dutiesForYear(2026, TODAY)
    expect(tracked).toMatchObject({
      yearText: '2026/27',
      from: '2026-04-01',
      to: '2027-03-31',
      amberDays: 60,
    })
    expect(tracked.duties.map((d) => [d.duty, d.dueDate, d.rag])).toEqual([
      ['strategic-assessment', '2026-12-31', 'green'],
      ['plan-revised', '2026-12-15', 'amber'],
      ['public-meeting', '2027-03-31', 'green'],
      ['plan-sent-to-pcc', '2026-11-01', 'red'],
      ['sv-needs-assessment', '2026-12-31', 'green'],
      ['sv-strategy', '2027-03-31', 'not-due'],
    ])
    const publicMeeting = tracked.duties.find((d) => d.duty === 'public-meeting')
    expect(publicMeeting?.evidence).toMatchObject([{ id: null, meetingId: year.publicMeeting }])
    // The year before has no evidence: everything past due is red.
    expect((await g().dutiesForYear(2025, TODAY)).duties.every((d) => d.rag === 'red')).toBe(true)
  })

  it('records and removes evidence and due dates, audited, and refuses bad input writing nothing', async () => {
    await expect(
      g().recordDutyEvidence(
        { actor: TEST_ACTOR, user: { role: 'lead' } },
        { duty: 'sv-strategy', kind: 'decision', decisionReference: 'X', evidencedOn: '2026-11-01' },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError)
    const rows = await countRows(t, 'statutory_duty_evidence')
    for (const [input, field] of [
      [{ duty: 'sv-strategy', kind: 'document', evidencedOn: '2026-11-01' }, 'documentTitle'],
      [{ duty: 'sv-strategy', kind: 'meeting', evidencedOn: '2026-11-01' }, 'meetingId'],
      [{ duty: 'sv-strategy', kind: 'meeting', meetingId: 999999, evidencedOn: '2026-11-01' }, 'meetingId'],
      [{ duty: 'no-such-duty', kind: 'decision', decisionReference: 'X', evidencedOn: '2026-11-01' }, 'duty'],
      [
        { duty: 'sv-strategy', kind: 'decision', decisionReference: 'X', evidencedOn: '2026-02-30' },
        'evidencedOn',
      ],
      [
        {
          duty: 'sv-strategy',
          kind: 'document',
          documentTitle: 'X',
          documentLink: 'javascript:alert(1)',
          evidencedOn: '2026-11-01',
        },
        'documentLink',
      ],
    ] as const) {
      const error = await g()
        .recordDutyEvidence(operator, input)
        .then(
          () => null,
          (e: unknown) => e,
        )
      expect(error).toBeInstanceOf(ValidationError)
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field)
    }
    await expect(
      g().setDutyDueDate(operator, { year: 2026, duty: 'sv-strategy', dueDate: '2026-01-01' }),
    ).rejects.toThrow(ValidationError)
    expect(await countRows(t, 'statutory_duty_evidence')).toBe(rows)

    const id = await g().recordDutyEvidence(operator, {
      duty: 'sv-strategy',
      kind: 'decision',
      decisionReference: 'CSP-2026-07',
      evidencedOn: '2026-11-10',
    })
    expect((await g().dutiesForYear(2026, TODAY)).duties.find((d) => d.duty === 'sv-strategy')?.rag).toBe(
      'green',
    )
    await g().removeDutyEvidence(operator, id)
    expect((await g().dutiesForYear(2026, TODAY)).duties.find((d) => d.duty === 'sv-strategy')?.rag).toBe(
      'not-due',
    )
    const actions = (
      await t.deps.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', '2026:sv-strategy')
        .execute()
    ).map((r) => r.action)
    expect(actions).toEqual(['statutory-duty.evidence', 'statutory-duty.evidence-removed'])
  })

  it('serves the duties page with forms that work without JavaScript, and the API', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const page = await manager.get('/governance/duties?year=2026')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Statutory duties 2026/27')
    expect(page.body).toContain('1 April 2026 to 31 March 2027')
    expect(page.body).toContain('Red: overdue')
    const bad = await manager.post('/governance/duties/evidence', {
      year: '2026',
      duty: 'sv-strategy',
      kind: 'document',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the document’s title')
    const done = await manager.post('/governance/duties/evidence', {
      year: '2026',
      duty: 'plan-sent-to-pcc',
      kind: 'document',
      documentTitle: 'Letter to the Police and Crime Commissioner',
      documentLink: 'https://example.org/letter.pdf',
      evidencedOn: '2026-11-12',
    })
    expect(done.statusCode).toBe(303)
    expect(String(done.headers.location)).toContain('/governance/duties?year=2026')
    const due = await manager.post('/governance/duties/due-dates', {
      year: '2026',
      duty: 'sv-strategy',
      dueDate: '2027-02-28',
    })
    expect(due.statusCode).toBe(303)

    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const read = await viewer.get('/governance/duties?year=2026')
    expect(read.body).toContain('Letter to the Police and Crime Commissioner')
    expect(read.body).not.toContain('Record evidence')
    expect((await viewer.post('/governance/duties/evidence', { duty: 'sv-strategy' })).statusCode).toBe(403)

    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duties?year=2026',
      headers: { authorization: `Bearer ${await apiTokenFor(t, 'lead')}` },
    })
    expect(api.statusCode).toBe(200)
    const body = api.json() as { duties: Array<{ duty: string; dueDate: string; evidence: unknown[] }> }
    expect(body.duties.find((d) => d.duty === 'plan-sent-to-pcc')?.evidence).toHaveLength(1)
    expect(body.duties.find((d) => d.duty === 'sv-strategy')?.dueDate).toBe('2027-02-28')
  })

  it('points evidence at a decision record chosen from the register, linked on the page and named in the API', async () => {
    const decision = await g().recordDecision(operator, {
      reference: 'CSP-2026-11',
      title: 'Serious violence needs assessment adopted',
      decisionMaker: 'Safer Communities Delivery Group',
      decisionDate: '2026-10-16',
      decisions: [{ number: '1', text: 'That the needs assessment be adopted.' }],
    })
    const rows = await countRows(t, 'statutory_duty_evidence')
    for (const [input, message] of [
      [{ decisionId: 999999 }, 'Select the decision from the register'],
      [{}, 'Select the decision from the register, or enter its reference if it is not there'],
    ] as const) {
      const error = await g()
        .recordDutyEvidence(operator, {
          duty: 'sv-needs-assessment',
          kind: 'decision',
          evidencedOn: '2026-10-16',
          ...input,
        })
        .then(
          () => null,
          (e: unknown) => e,
        )
      expect((error as ValidationError).fieldErrors).toEqual({ decisionId: message })
    }
    expect(await countRows(t, 'statutory_duty_evidence')).toBe(rows)

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const form = await manager.get('/governance/duties?year=2026')
    expect(form.body).toContain(
      `<option value="${decision}">CSP-2026-11: Serious violence needs assessment adopted</option>`,
    )
    const done = await manager.post('/governance/duties/evidence', {
      year: '2026',
      duty: 'sv-needs-assessment',
      kind: 'decision',
      decisionId: String(decision),
      decisionReference: '',
      evidencedOn: '2026-10-16',
    })
    expect(done.statusCode).toBe(303)
    const page = await manager.get('/governance/duties?year=2026')
    expect(page.body).toContain(
      `<a class="govuk-link" href="/governance/decisions/${decision}">Decision CSP-2026-11: Serious violence needs assessment adopted</a>`,
    )
    const listed = (await g().dutiesForYear(2026, TODAY)).duties.find((d) => d.duty === 'sv-needs-assessment')
    expect(listed?.rag).toBe('green')
    expect(listed?.evidence.find((e) => e.decisionId === decision)?.decisionReference).toBe('CSP-2026-11')
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/duties?year=2026',
      headers: { authorization: `Bearer ${await apiTokenFor(t, 'viewer')}` },
    })
    const body = api.json() as { duties: Array<{ duty: string; evidence: Array<Record<string, unknown>> }> }
    const evidence = body.duties.find((d) => d.duty === 'sv-needs-assessment')?.evidence ?? []
    expect(evidence.find((e) => e.decisionId === decision)).toMatchObject({
      kind: 'decision',
      decisionId: decision,
      decisionReference: 'CSP-2026-11',
      decisionTitle: 'Serious violence needs assessment adopted',
    })
  })
})

describe('the demo year loaded on the first day of a partnership year', () => {
  let t: TestApp
  afterAll(() => t.close())

  it('still holds its public meeting that day, and the duty due that day is amber, not red', async () => {
    t = await buildTestApp('sqlite')
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    const year = await loadGovernanceDemoYear(t.deps.services, TEST_ACTOR, '2027-04-01')
    const meeting = await t.deps.services.governance.getMeeting(year.publicMeeting)
    expect([meeting.startsAt, meeting.status]).toEqual(['2027-04-01T19:00', 'minutes-approved'])
    const rags = (await t.deps.services.governance.dutiesForYear(2027, '2027-04-01')).duties.map((d) => [
      d.duty,
      d.rag,
    ])
    expect(rags).toContainEqual(['public-meeting', 'green'])
    expect(rags).toContainEqual(['plan-sent-to-pcc', 'amber'])
  })
})
