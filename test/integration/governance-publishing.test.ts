import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/access/roles.ts'
import { loadGovernanceDemoYear } from '../../src/modules/governance/demo.ts'
import type { DemoYear } from '../../src/modules/governance/demo-year.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Publishing on the real database, over the demo's year of meetings loaded as on a fixed day: the
// public pages show only published meetings and nothing exempt, to anyone signed out; publishing
// and withdrawing are deliberate, audited steps; and an unpublished meeting is simply not found.

const TODAY = '2026-11-15'

describe.each(DIALECTS)('publishing meetings on %s', (dialect) => {
  let t: TestApp
  let year: DemoYear
  const operator = { actor: TEST_ACTOR, user: null }
  const as = (role: Role) => ({ actor: TEST_ACTOR, user: { role } })
  const g = () => t.deps.services.governance
  const audited = async (action: string, entityId: number) =>
    t.deps.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', action)
      .where('entity_id', '=', String(entityId))
      .execute()

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await loadPartnersDemo(t.deps.services, TEST_ACTOR)
    year = await loadGovernanceDemoYear(t.deps.services, TEST_ACTOR, TODAY)
  })
  afterAll(() => t.close())

  it('shows anyone signed out the published meeting, without its exempt item, actions or attendance notes', async () => {
    const anyone = new Browser(t.app)
    const list = await anyone.get('/public/meetings')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain(`/public/meetings/${year.published}`)
    expect(list.body).not.toContain(`/public/meetings/${year.publicMeeting}"`)
    expect(list.body).not.toContain('Sign out')

    const page = await anyone.get(`/public/meetings/${year.published}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Knife Crime and Serious Violence Action Plan: half-year review')
    expect(page.body).toContain('Presented by Claire Kowalska')
    expect(page.body).toContain('That the leads of the red deliverables report on them at the next meeting.')
    expect(page.body).toContain('Caroline Thwaites, Chair')
    // The exempt item, its minutes and resolution; the actions arising and their owners; a way in.
    for (const hidden of [
      'Domestic homicide review',
      'Ms A',
      'Schedule 12A',
      'recommendations be taken forward',
      'Report on the red deliverables',
      '@',
      'Keep the record',
    ])
      expect(page.body).not.toContain(hidden)
    expect(page.body).not.toMatch(/href="\/governance\//)
  })

  it('answers an unpublished meeting exactly as one that does not exist', async () => {
    const anyone = new Browser(t.app)
    const unpublished = await anyone.get(`/public/meetings/${year.publicMeeting}`)
    const missing = await anyone.get('/public/meetings/999999')
    expect(unpublished.statusCode).toBe(404)
    expect(missing.statusCode).toBe(404)
    const text = (body: string) =>
      body.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '')
    expect(text(unpublished.body)).toBe(text(missing.body))
    expect(unpublished.body).not.toContain('residents’ questions')
    // The signed-in pages stay closed to anyone signed out, and publishing with them.
    for (const url of ['/governance/duties', `/governance/meetings/${year.published}/publishing`])
      expect((await anyone.get(url)).statusCode).toBe(302)
    await anyone.get('/sign-in')
    const sneaked = await anyone.post(`/governance/meetings/${year.publicMeeting}/publish`, {
      confirm: 'yes',
    })
    expect(sneaked.statusCode).toBe(302)
    expect((await g().publication(year.publicMeeting)).published).toBe(false)
  })

  it('publishes and withdraws as deliberate, audited steps, and only for managers', async () => {
    for (const role of ['lead', 'board-member', 'viewer'] as const)
      await expect(
        g().publishMeeting(as(role), year.publicMeeting, { confirm: 'yes' }),
      ).rejects.toBeInstanceOf(ForbiddenError)
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ValidationError)
      return Object.values((error as ValidationError).fieldErrors)[0]
    }
    const rows = await countRows(t, 'meeting_publications')
    expect(await refusal(g().publishMeeting(operator, year.publicMeeting, {}))).toMatch(
      /Confirm that you have checked/,
    )
    expect(await refusal(g().publishMeeting(operator, year.next, { confirm: 'yes' }))).toMatch(
      /Publish the agenda first/,
    )
    expect(await refusal(g().publishMeeting(operator, year.published, { confirm: 'yes' }))).toBe(
      'The meeting is already published',
    )
    expect(await refusal(g().withdrawMeeting(operator, year.publicMeeting, {}))).toBe(
      'The meeting is not published',
    )
    expect(await countRows(t, 'meeting_publications')).toBe(rows)
    expect(await audited('meeting.publish', year.publicMeeting)).toHaveLength(0)

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const form = await manager.get(`/governance/meetings/${year.publicMeeting}/publishing`)
    expect(form.body).toContain('Publish to the public page')
    const unconfirmed = await manager.post(`/governance/meetings/${year.publicMeeting}/publish`)
    expect(unconfirmed.statusCode).toBe(400)
    expect(unconfirmed.body).toContain('Confirm that you have checked')
    const published = await manager.post(`/governance/meetings/${year.publicMeeting}/publish`, {
      confirm: 'yes',
    })
    expect(published.statusCode).toBe(303)
    expect((await audited('meeting.publish', year.publicMeeting)).length).toBe(1)
    const anyone = new Browser(t.app)
    expect((await anyone.get(`/public/meetings/${year.publicMeeting}`)).body).toContain(
      'residents’ questions',
    )

    const withdrawn = await manager.post(`/governance/meetings/${year.publicMeeting}/withdraw`, {
      reason: 'Published by mistake',
    })
    expect(withdrawn.statusCode).toBe(303)
    const [entry] = await audited('meeting.withdraw', year.publicMeeting)
    expect(entry?.detail).toContain('Published by mistake')
    expect((await anyone.get(`/public/meetings/${year.publicMeeting}`)).statusCode).toBe(404)
    expect((await anyone.get('/public/meetings')).body).not.toContain(
      `/public/meetings/${year.publicMeeting}"`,
    )

    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    expect((await viewer.get(`/governance/meetings/${year.published}/publishing`)).body).not.toContain(
      'Withdraw from the public page',
    )
    expect((await viewer.post(`/governance/meetings/${year.published}/withdraw`)).statusCode).toBe(403)
  })

  it('shows a published agenda without minutes, and hides it again when the agenda is withdrawn', async () => {
    await g().changeStatus(operator, year.next, { status: 'agenda-published' }, TODAY)
    await g().publishMeeting(operator, year.next, { confirm: true })
    const anyone = new Browser(t.app)
    const agenda = await anyone.get(`/public/meetings/${year.next}`)
    expect(agenda.statusCode).toBe(200)
    expect(agenda.body).toContain('Matters arising')
    expect(agenda.body).toContain('Habitual knife carriers')
    expect(agenda.body).toContain('The minutes are published here once the board approves them')
    // The overdue action arising is on the agenda inside Safer, but not on the public page.
    expect(agenda.body).not.toContain('information sharing agreement')
    await g().changeStatus(operator, year.next, { status: 'scheduled' }, TODAY)
    expect((await anyone.get(`/public/meetings/${year.next}`)).statusCode).toBe(404)
    expect((await g().publication(year.next)).visible).toBe(false)
    expect((await g().listPublicMeetings()).map((m) => m.id)).toEqual([year.published])
  })

  it('answers the publication through the API', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const answer = await manager.get(`/api/v1/meetings/${year.published}/publication`)
    expect(answer.statusCode).toBe(200)
    expect(answer.json()).toMatchObject({ meetingId: year.published, published: true, visible: true })
    const doc = (await manager.get('/api/v1/openapi.json')).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/meetings/{id}/publish',
        '/api/v1/meetings/{id}/withdraw',
        '/api/v1/duties',
      ]),
    )
  })
})
