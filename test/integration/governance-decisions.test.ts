import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { importRead } from '../../src/modules/governance/decisions/import/importer.ts'
import { readGovernanceText } from '../../src/modules/governance/decisions/import/parse.ts'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { addDays } from '../../src/shared/working-days.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Decision records, the register's filters, the forward plan's notice rule and the import of
// seeds 001 and 004, on the real database: bad input refused with nothing written, every change audited.

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/governance', name), 'utf8')

describe.each(DIALECTS)('decision records and the forward plan on %s', (dialect) => {
  let t: TestApp
  let delivery: number
  const operator = { actor: TEST_ACTOR, user: null }
  const as = (role: Role) => ({ actor: TEST_ACTOR, user: { role } })
  const g = () => t.deps.services.governance
  const services = () => ({ governance: g(), partners: t.deps.services.partners })
  const refusal = async (p: Promise<unknown>) => {
    const error = await p.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).fieldErrors
  }

  beforeAll(async () => {
    // Seven working days of call-in: the partnership's own setting, not the usual five.
    t = await buildTestApp(dialect, { CALL_IN_WORKING_DAYS: '7' })
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    await loadGovernanceDemo(t.deps.services, TEST_ACTOR)
    delivery = (await g().findBoardByName('Safer Communities Delivery Group')) as number
  })
  afterAll(() => t.close())

  it('records a decision with its call-in deadline counted in the partnership’s working days', async () => {
    const id = await g().recordDecision(operator, {
      title: 'Knife crime action plan 2026',
      decisionMaker: 'Safer Communities Delivery Group',
      decisionDate: '2025-12-18',
      publicationDate: '2025-12-19',
      keyDecision: 'yes',
      subjectToCallIn: 'yes',
      decisions: '1. Adopt the plan.\n2. Report on it each quarter\nto the Safeguarding Executive.',
      documents: 'Action plan | https://example.gov.uk/plan.pdf\nEquality impact assessment',
      boardId: String(delivery),
    })
    const decision = await g().getDecision(id, '2025-12-22')
    expect(decision).toMatchObject({
      reference: `DEC-${id}`,
      keyDecision: true,
      // 22, 23, 24, 29, 30, 31 December and 2 January: Christmas, Boxing Day and New Year's Day skipped.
      callInDeadline: '2026-01-02',
      takesEffectOn: '2026-01-05',
      callInOpen: true,
      boardName: 'Safer Communities Delivery Group',
      decisions: [
        { number: '1', text: 'Adopt the plan.' },
        { number: '2', text: 'Report on it each quarter\nto the Safeguarding Executive.' },
      ],
      documents: [
        { title: 'Action plan', link: 'https://example.gov.uk/plan.pdf' },
        { title: 'Equality impact assessment', link: null },
      ],
      status: 'approved',
    })
    expect((await g().getDecision(id, '2026-01-05')).callInOpen).toBe(false)
  })

  it('filters the register by key decision, open call-in, dates and board', async () => {
    const october = (await g().listMeetings(delivery)).find((m) => m.startsAt.startsWith('2011-10-06'))
    await g().recordDecision(operator, {
      reference: 'CSP-2011-100',
      title: 'Delivery plan reprioritisation',
      decisionMaker: 'Safer Communities Delivery Group',
      decisionDate: '2011-10-06',
      decisions: [{ number: 'ii', text: 'Proceed with Integrated Offender Management' }],
      meetingId: october?.id,
    })
    const titles = async (filters: Record<string, string>, today = '2025-12-22') =>
      (await g().listDecisions(filters, today)).map((d) => d.title)
    expect(await titles({})).toEqual(['Knife crime action plan 2026', 'Delivery plan reprioritisation'])
    expect(await titles({ keyDecision: 'yes' })).toEqual(['Knife crime action plan 2026'])
    expect(await titles({ keyDecision: 'no' })).toEqual(['Delivery plan reprioritisation'])
    expect(await titles({ callIn: 'open' })).toEqual(['Knife crime action plan 2026'])
    expect(await titles({ callIn: 'open' }, '2026-01-05')).toEqual([])
    expect(await titles({ from: '2011-01-01', to: '2011-12-31' })).toEqual(['Delivery plan reprioritisation'])
    expect(await titles({ board: String(delivery) })).toHaveLength(2)
    const executive = (await g().findBoardByName('Safeguarding Executive')) as number
    expect(await titles({ board: String(executive) })).toEqual([])
    const linked = (await g().listDecisions({ from: '2011-10-06', to: '2011-10-06' }))[0]
    expect(linked).toMatchObject({ boardId: delivery, meetingId: october?.id, takesEffectOn: '2011-10-06' })
  })

  it('refuses bad decisions, and changes by anyone but managers, writing nothing', async () => {
    const before = await countRows(t, 'decision_records')
    const good = {
      title: 'A decision',
      decisionMaker: 'Cabinet',
      decisionDate: '2026-01-10',
      decisions: '1. Do it.',
    }
    expect(
      (await refusal(g().recordDecision(operator, { ...good, decisions: '1. Do it.\n1. Do it again.' })))
        .decisions,
    ).toBe('Each decision needs its own number: one is used twice')
    expect((await refusal(g().recordDecision(operator, { ...good, decisions: '' }))).decisions).toMatch(
      /Enter the decisions/,
    )
    expect(
      (await refusal(g().recordDecision(operator, { ...good, publicationDate: '2026-01-09' })))
        .publicationDate,
    ).toBe('A decision is published on or after the day it is made')
    expect(
      (await refusal(g().recordDecision(operator, { ...good, decisionDate: '2026-02-30' }))).decisionDate,
    ).toMatch(/real date/)
    expect(
      (await refusal(g().recordDecision(operator, { ...good, reference: 'CSP-2011-100' }))).reference,
    ).toBe('A decision with reference CSP-2011-100 is already recorded')
    expect(
      (await refusal(g().recordDecision(operator, { ...good, documents: 'Report | http://insecure' })))
        .documents,
    ).toMatch(/https:\/\//)
    const executive = (await g().findBoardByName('Safeguarding Executive')) as number
    const meeting = (await g().listMeetings(delivery))[0]?.id
    expect(
      (await refusal(g().recordDecision(operator, { ...good, boardId: executive, meetingId: meeting })))
        .meetingId,
    ).toBe('The meeting is not one of the chosen board’s')
    for (const role of ['lead', 'board-member', 'analyst', 'caseworker', 'viewer'] as const)
      await expect(g().recordDecision(as(role), good)).rejects.toBeInstanceOf(ForbiddenError)
    expect(await countRows(t, 'decision_records')).toBe(before)
  })

  it('warns of a key decision given under 28 clear days’ notice and refuses it without the exception reason', async () => {
    const today = '2026-03-01'
    const item = (decisionDate: string, extra: Record<string, unknown> = {}) => ({
      title: `Adopt the VVRAP refresh (${decisionDate})`,
      decisionDate,
      decisionMaker: 'Cabinet',
      keyDecision: 'yes',
      leadOfficer: 'Director of Community Safety',
      documents: 'Cabinet report\nVVRAP 2026',
      ...extra,
    })
    const before = await countRows(t, 'forward_plan_items')
    expect((await refusal(g().addForwardPlanItem(operator, item('2026-03-29'), today))).exceptionReason).toBe(
      'A key decision needs 28 clear days’ notice and this gives 27: give the general-exception reason (why it cannot wait), or choose a later meeting',
    )
    expect(await countRows(t, 'forward_plan_items')).toBe(before)
    const short = await g().addForwardPlanItem(
      operator,
      item('2026-03-29', { exceptionReason: 'The grant offer expires on 31 March.' }),
      today,
    )
    const exactly = await g().addForwardPlanItem(operator, item('2026-03-30'), today)
    const more = await g().addForwardPlanItem(operator, item('2026-03-31'), today)
    const notKey = await g().addForwardPlanItem(operator, item('2026-03-05', { keyDecision: 'no' }), today)
    const read = async (id: number) => {
      const i = await g().getForwardPlanItem(id)
      return [i.clearDays, i.shortNotice, i.exceptionReason]
    }
    expect(await read(short)).toEqual([27, true, 'The grant offer expires on 31 March.'])
    expect(await read(exactly)).toEqual([28, false, null])
    expect(await read(more)).toEqual([29, false, null])
    expect(await read(notKey)).toEqual([3, false, null])
    expect((await g().listForwardPlan('2026-03-02')).map((i) => i.decisionDate)).toEqual([
      '2026-03-05',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ])
    expect((await refusal(g().addForwardPlanItem(operator, item('2026-02-27'), today))).decisionDate).toMatch(
      /decisions still to come/,
    )
    expect((await refusal(g().addForwardPlanItem(operator, item(''), today))).decisionDate).toBe(
      'Choose the meeting, or enter the date of the decision',
    )
  })

  it('takes a forward plan item’s date from the meeting chosen', async () => {
    const meeting = await g().scheduleMeeting(operator, delivery, { startsAt: '2026-05-14T14:00' })
    const id = await g().addForwardPlanItem(
      operator,
      {
        title: 'Serious violence strategy',
        meetingId: String(meeting),
        decisionMaker: 'Safer Communities Delivery Group',
      },
      '2026-03-01',
    )
    expect(await g().getForwardPlanItem(id)).toMatchObject({
      decisionDate: '2026-05-14',
      boardId: delivery,
      meetingId: meeting,
      keyDecision: false,
    })
  })

  it('imports seed 001 as a decision record, once', async () => {
    const result = await importRead(
      services(),
      operator,
      readGovernanceText(fixture('seed-001-decision-record.txt')),
    )
    const decision = await g().getDecision(result.decisionId as number)
    expect(decision).toMatchObject({
      title: 'Serious Violence and Exploitation Strategy',
      decisionMaker: 'Cabinet',
      status: 'recommendations-approved',
      keyDecision: false,
      subjectToCallIn: false,
      decisionDate: '2024-09-11',
      publicationDate: '2024-09-13',
      takesEffectOn: '2024-09-11',
      reportAuthors: 'Ann Corbett, Leo Hutchinson',
      meetingId: null,
    })
    expect(decision.decisions.map((d) => d.number)).toEqual(['1', '2', '3', '4', '5'])
    expect(decision.documents).toHaveLength(5)
    expect(result.report.join('\n')).toContain('Not linked to a meeting')
    const before = await countRows(t, 'decision_records')
    const again = await refusal(
      importRead(services(), operator, readGovernanceText(fixture('seed-001-decision-record.txt'))),
    )
    expect(again.file).toMatch(/^This decision is already recorded, as DEC-\d+/)
    expect(await countRows(t, 'decision_records')).toBe(before)
  })

  it('imports seed 004’s minutes into a new meeting with item 100, and refuses approved minutes', async () => {
    const read = readGovernanceText(fixture('seed-004-minutes.txt'))
    const rows = async () => ({
      boards: await countRows(t, 'boards'),
      meetings: await countRows(t, 'meetings'),
      items: await countRows(t, 'agenda_items'),
      resolutions: await countRows(t, 'resolutions'),
    })
    const before = await rows()
    // The demo's meeting of that day has its minutes approved: nothing may change in it.
    expect(
      (await refusal(importRead(services(), operator, read, { board: 'Safer Communities Delivery Group' })))
        .file,
    ).toMatch(/minutes approved: its minutes can no longer change/)
    expect((await refusal(importRead(services(), operator, read))).file).toMatch(
      /The board "Community Safety Partnership" is not in Safer/,
    )
    expect(await rows()).toEqual(before)

    const result = await importRead(services(), operator, read, { createBoard: true, time: '18:30' })
    const meeting = await g().getMeeting(result.meetingId as number)
    expect(meeting).toMatchObject({
      boardName: 'Community Safety Partnership',
      startsAt: '2011-10-06T18:30',
      status: 'held',
    })
    const item = meeting.items.find((i) => i.id === result.itemId)
    expect(item).toMatchObject({
      number: 100,
      title: 'Delivery Plan Reprioritisation',
      presenterName: 'Claire Kowalska',
    })
    expect(item?.discussion).toMatch(/^Claire Kowalska presented the report/)
    expect(item?.resolutions.map((r) => r.number)).toEqual(['i', 'ii', 'iii'])
    // Again: the same item and resolutions are matched, nothing doubled.
    const again = await importRead(services(), operator, read)
    expect(again.itemId).toBe(result.itemId)
    expect(again.report).toContain('Recorded 0 resolutions (i, ii, iii).')
    expect(await rows()).toEqual({
      ...before,
      boards: before.boards + 1,
      meetings: before.meetings + 1,
      items: before.items + 1,
      resolutions: before.resolutions + 3,
    })
  })

  it('audits every change, and serves the register, a decision, the forward plan and the API', async () => {
    const actions = (await t.deps.database.db.selectFrom('audit_log').select('action').execute()).map(
      (r) => r.action,
    )
    for (const action of ['decision.record', 'forward-plan.add']) expect(actions).toContain(action)

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const register = await manager.get('/governance/decisions?keyDecision=yes')
    expect(register.statusCode).toBe(200)
    expect(register.body).toContain('Knife crime action plan 2026')
    expect(register.body).not.toContain('Delivery plan reprioritisation')
    expect((await manager.get('/governance/decisions?from=soon')).statusCode).toBe(400)
    await manager.get('/governance/decisions/new')
    const made = await manager.post('/governance/decisions', {
      title: 'Community trigger review',
      decisionMaker: 'Cabinet Member for Communities',
      decisionDate: '2026-02-02',
      publicationDate: '2026-02-03',
      subjectToCallIn: 'yes',
      decisions: 'a) Adopt the revised community trigger.',
      status: 'approved',
    })
    expect(made.statusCode).toBe(303)
    const page = await manager.get(made.headers.location as string)
    expect(page.body).toContain('Community trigger review')
    // Seven working days after Tuesday 3 February 2026.
    expect(page.body).toContain('Yes, until 12 February 2026')
    const id = Number(/decisions\/(\d+)/.exec(made.headers.location as string)?.[1])
    const status = await manager.post(`/governance/decisions/${id}/status`, { status: 'called-in' })
    expect(status.statusCode).toBe(303)
    expect((await g().getDecision(id)).status).toBe('called-in')
    const plan = await manager.get('/governance/forward-plan')
    expect(plan.statusCode).toBe(200)
    const shortNotice = {
      title: 'Short notice',
      decisionDate: addDays(londonToday(), 10),
      decisionMaker: 'Cabinet',
      keyDecision: 'yes',
    }
    const refused = await manager.post('/governance/forward-plan', shortNotice)
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('this gives 9: give the general-exception reason')
    expect(refused.body).toContain('govuk-warning-text')
    const accepted = await manager.post('/governance/forward-plan', {
      ...shortNotice,
      exceptionReason: 'Funding deadline',
    })
    expect(accepted.statusCode).toBe(303)
    expect((await manager.get('/governance/forward-plan')).body).toContain(
      'General exception: Funding deadline',
    )
    const noCsrf = await manager.post('/governance/decisions', { title: 'x' }, { csrf: false })
    expect(noCsrf.statusCode).toBe(403)

    const viewer = await apiTokenFor(t, 'viewer')
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/decisions?callIn=open',
      headers: { authorization: `Bearer ${viewer}` },
    })
    expect(list.statusCode).toBe(200)
    const manage = await apiTokenFor(t, 'partnership-manager')
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forward-plan',
      headers: { authorization: `Bearer ${manage}` },
      payload: { title: 'API item', decisionDate: '2099-06-01', decisionMaker: 'Cabinet', keyDecision: true },
    })
    expect(posted.statusCode).toBe(201)
    expect(posted.json()).toMatchObject({ title: 'API item', shortNotice: false })
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { title: 'x', decisionMaker: 'y', decisionDate: '2026-01-01', decisions: [{ text: 'z' }] },
    })
    expect(denied.statusCode).toBe(403)
  })
})
