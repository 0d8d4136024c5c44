import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCurrentUser } from '../../src/access/current-user.ts'
import type { DeliverableView } from '../../src/modules/plans/plan-view.ts'
import { buildTestApp, countRows, TEST_ACTOR, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// Only an administrator's link makes a user the person a plan names. A lead who signs up with
// the name of a plan's lead in another organisation (the reported case: "ian howells") gets
// nothing of theirs until an administrator links the account.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
const deliverableLinks = (html: string) =>
  [...html.matchAll(/href="\/deliverables\/(\d+)"/g)].map((m) => Number(m[1]))

describe.each(DIALECTS)('the user–person link on %s', (dialect) => {
  let t: TestApp
  let ians: DeliverableView
  let ianId: number
  let twinId: number
  let twin: Browser
  let admin: Browser
  let twinToken: string

  const api = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        authorization: `Bearer ${twinToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    })
  const update = (text: string) => ({
    'updateOn-day': '2',
    'updateOn-month': '11',
    'updateOn-year': '2026',
    text,
    rag: 'amber',
  })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services
    const planId = (
      await s.planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.txt', content: seed003() })
    ).planId as number
    const all = (await s.plans.getPlan(planId)).themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables),
    )
    ians = all.find((d) => d.leads.includes('Supt Ian Howells')) as DeliverableView
    ianId = ians.leadPersonIds[ians.leads.indexOf('Supt Ian Howells')] as number
    // The plan's Ian Howells has a council email; the new account has his name, another organisation and another address.
    const ian = await s.partners.getPerson(ianId)
    await s.partners.updatePerson(TEST_ACTOR, ianId, {
      name: ian.name,
      email: 'ian.howells@met.example',
      version: ian.version,
    })
    twinId = await s.users.create(TEST_ACTOR, {
      email: 'ian.h@elsewhere.example',
      name: 'ian howells',
      organisationId: t.organisationId,
      role: 'lead',
      password: TEST_PASSWORD,
    })
    twinToken = (await s.auth.createToken(asCurrentUser(await s.users.get(twinId)), 'tests', TEST_ACTOR))
      .token
    twin = new Browser(t.app)
    await twin.signIn('ian.h@elsewhere.example')
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
  })
  afterAll(() => t.close())

  it('gives a lead whose name matches a plan person, but whose account is not linked, no actions and a 403', async () => {
    const mine = await twin.get('/my-actions')
    expect(text(mine.body)).toContain('Your Safer account is not linked to anyone named in the action plans')
    expect(deliverableLinks(mine.body)).toEqual([])
    expect(text((await twin.get(`/deliverables/${ians.id}`)).body)).not.toContain('Add a progress update')

    const before = await countRows(t, 'deliverable_updates')
    const refused = await twin.post(`/deliverables/${ians.id}/updates`, update('Not mine'))
    expect(refused.statusCode).toBe(403)
    expect(refused.body).toMatch(
      /<h1 class="govuk-heading-l">You do not have permission to update this deliverable<\/h1>/,
    )
    expect(refused.body).toContain('<title>You do not have permission to update this deliverable')
    expect(text(refused.body)).toContain(
      'Only this deliverable’s named lead or a partnership manager can update it.',
    )
    expect(text(refused.body)).toContain(
      'ask your Safer administrator to link your account to your name in the plans',
    )
    // A refusal, not a failed form: no error summary, and not the wording of an expired form.
    expect(refused.body).not.toContain('govuk-error-summary')
    expect(refused.body).not.toContain('Your form could not be sent')
    expect((await twin.get(`/deliverables/${ians.id}/edit`)).statusCode).toBe(403)
    expect(
      (
        await twin.post(`/deliverables/${ians.id}`, {
          outcome: 'Taken over',
          rag: 'red',
          version: String(ians.version),
        })
      ).statusCode,
    ).toBe(403)

    expect((await api('GET', '/my-actions')).json()).toEqual({ linked: false, deliverables: [] })
    const viaApi = await api('POST', `/deliverables/${ians.id}/updates`, {
      updateOn: '2026-11-02',
      text: 'Not mine',
      rag: 'red',
    })
    expect(viaApi.statusCode).toBe(403)
    expect(viaApi.headers['content-type']).toContain('application/problem+json')
    expect(viaApi.json()).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'Only this deliverable’s named lead or a partnership manager can update it.',
    })
    // Refused before the body is read: an empty one is still a 403, not a list of missing fields.
    expect((await api('POST', `/deliverables/${ians.id}/updates`, {})).statusCode).toBe(403)
    expect(await countRows(t, 'deliverable_updates')).toBe(before)
  })

  it('lists accounts with no linked person for the administrator, who links one on its page, audited', async () => {
    // Every test user and the new account: none is linked yet.
    expect(text((await admin.get('/admin/users')).body)).toContain(
      '8 active accounts are not linked to a person in the plans.',
    )
    const unlinked = text((await admin.get('/admin/users?unlinked=yes')).body)
    expect(unlinked).toContain('Users not linked to a person')
    expect(unlinked).toContain('ian howells ian.h@elsewhere.example TC Lead')

    const page = await admin.get(`/admin/users/${twinId}`)
    expect(page.body).toContain('Person in the plans (optional)')
    expect(page.body).toMatch(new RegExp(`<option value="${ianId}"[^>]*>Ian Howells</option>`))
    const u = await t.deps.services.users.get(twinId)
    const saved = await admin.post(`/admin/users/${twinId}`, {
      name: u.name,
      email: u.email,
      organisationId: String(u.organisationId),
      role: u.role,
      personId: String(ianId),
      version: String(u.version),
    })
    expect(saved.statusCode).toBe(303)
    expect((await t.deps.services.users.get(twinId)).personId).toBe(ianId)
    expect(text((await admin.get('/admin/users')).body)).toContain(
      '7 active accounts are not linked to a person in the plans.',
    )
    expect(text((await admin.get('/admin/users?unlinked=yes')).body)).not.toContain('ian.h@elsewhere.example')

    const { rows } = await t.deps.services.audit.search(
      { action: 'user.update', entityType: 'user', entityId: String(twinId) },
      1,
    )
    const detail = JSON.parse(rows[0]?.detail ?? '{}')
    expect(detail.before).toMatchObject({ person_id: null })
    expect(detail.after).toMatchObject({ person_id: ianId })
  })

  it('once linked, shows the lead that person’s deliverables and lets them update them, on pages and the API', async () => {
    const mine = await twin.get('/my-actions')
    expect(deliverableLinks(mine.body)).toContain(ians.id)
    expect(text((await twin.get(`/deliverables/${ians.id}`)).body)).toContain('Add a progress update')
    const added = await twin.post(`/deliverables/${ians.id}/updates`, update('Tasking group met'))
    expect(added.statusCode).toBe(303)
    const viaApi = await api('POST', `/deliverables/${ians.id}/updates`, {
      updateOn: '2026-11-03',
      text: 'Minutes sent',
      rag: 'green',
    })
    expect(viaApi.statusCode).toBe(201)
    const listed = (await api('GET', '/my-actions')).json()
    expect(listed.linked).toBe(true)
    expect(listed.deliverables.map((d: { id: number }) => d.id)).toContain(ians.id)
  })

  it('links one account to a person at most, and unlinking takes the deliverables away again', async () => {
    const lead = await t.deps.services.users.get(t.userIds.lead)
    await admin.get(`/admin/users/${lead.id}`)
    const second = await admin.post(`/admin/users/${lead.id}`, {
      name: lead.name,
      email: lead.email,
      organisationId: String(lead.organisationId),
      role: lead.role,
      personId: String(ianId),
      version: String(lead.version),
    })
    expect(second.statusCode).toBe(400)
    expect(text(second.body)).toContain('This person is already linked to another user')
    expect((await t.deps.services.users.get(lead.id)).personId).toBeNull()

    await t.deps.services.users.linkPerson(TEST_ACTOR, twinId, { personId: null })
    const { rows } = await t.deps.services.audit.search(
      { action: 'user.link-person', entityId: String(twinId) },
      1,
    )
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({
      before: { person_id: ianId },
      after: { person_id: null },
    })
    expect(deliverableLinks((await twin.get('/my-actions')).body)).toEqual([])
    expect((await twin.post(`/deliverables/${ians.id}/updates`, update('After unlinking'))).statusCode).toBe(
      403,
    )
  })
})
