import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

describe.each(DIALECTS)('admin pages on %s', (dialect) => {
  let t: TestApp
  let admin: Browser
  beforeAll(async () => {
    t = await buildTestApp(dialect)
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
  })
  afterAll(() => t.close())

  it('adds an organisation, keeping the input and naming each field when it is wrong', async () => {
    await admin.get('/admin/organisations/new')
    const bad = await admin.post('/admin/organisations', {
      name: 'Southwark Youth Offending Service',
      shortName: '',
      type: '',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter a short name, such as LBS or MPS')
    expect(bad.body).toContain('Select the type of organisation')
    expect(bad.body).toContain('value="Southwark Youth Offending Service"')
    expect(bad.body).toContain('href="#shortName"')

    const good = await admin.post('/admin/organisations', {
      name: 'Southwark Youth Offending Service',
      shortName: 'YOS',
      type: 'youth justice',
    })
    expect(good.statusCode).toBe(303)
    const list = await admin.get(good.headers.location as string)
    expect(list.body).toContain('Organisation added')
    expect(list.body).toContain('Southwark Youth Offending Service')

    const duplicate = await admin.post('/admin/organisations', {
      name: 'Southwark Youth Offending Service',
      shortName: 'YOS2',
      type: 'youth justice',
    })
    expect(duplicate.statusCode).toBe(400)
    expect(duplicate.body).toContain('An organisation with this name already exists')
  })

  it('shows what changed when two people edit the same person', async () => {
    await admin.get('/admin/people/new')
    await admin.post('/admin/people', {
      name: 'Helen Lyons',
      jobTitle: 'Det Supt',
      organisationId: String(t.organisationId),
      email: '',
    })
    const people = await t.deps.services.partners.listPeople()
    const helen = people.find((p) => p.name === 'Helen Lyons')
    expect(helen?.organisationId).toBe(t.organisationId)
    const url = `/admin/people/${helen?.id}`

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    await manager.get(url)
    await admin.get(url)
    const first = await manager.post(url, {
      name: 'Helen Lyons',
      jobTitle: 'Detective Superintendent',
      organisationId: '',
      email: '',
      version: '1',
    })
    expect(first.statusCode).toBe(303)
    const stale = await admin.post(url, {
      name: 'Helen Lyons',
      jobTitle: 'DSupt',
      organisationId: '',
      email: '',
      version: '1',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Someone else changed this record')
    expect(stale.body).toContain('Job title: Detective Superintendent')
    expect(stale.body).toContain('value="DSupt"')
    expect(stale.body).toContain('name="version" value="2"')
  })

  it('lets a viewer read an organisation but not edit it', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const page = await viewer.get(`/admin/organisations/${t.organisationId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('govuk-summary-list')
    expect(page.body).not.toContain('Save organisation')
  })

  it('creates a user, and disabling them ends their session at once', async () => {
    await admin.get('/admin/users/new')
    const weak = await admin.post('/admin/users', {
      name: 'Becky Canning',
      email: 'becky@nps.example',
      organisationId: String(t.organisationId),
      role: 'lead',
      password: 'short',
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.body).toContain('Password must be 12 characters or more')
    expect(weak.body).not.toContain('value="short"')

    const made = await admin.post('/admin/users', {
      name: 'Becky Canning',
      email: 'becky@nps.example',
      organisationId: String(t.organisationId),
      role: 'lead',
      password: 'probation orchard teapot',
    })
    expect(made.statusCode).toBe(303)
    const becky = await t.deps.services.users.findByEmail('becky@nps.example')
    expect(becky?.role).toBe('lead')

    const session = new Browser(t.app)
    await session.signIn('becky@nps.example', 'probation orchard teapot')
    expect((await session.get('/')).statusCode).toBe(200)

    await admin.get(`/admin/users/${becky?.id}`)
    const disabled = await admin.post(`/admin/users/${becky?.id}/disable`, {
      version: String(becky?.version),
    })
    expect(disabled.statusCode).toBe(303)
    expect((await session.get('/')).statusCode).toBe(302)
    const again = new Browser(t.app)
    await again.get('/sign-in')
    expect(
      (await again.post('/sign-in', { email: 'becky@nps.example', password: 'probation orchard teapot' }))
        .statusCode,
    ).toBe(401)
  })

  it('does not let an administrator disable their own account', async () => {
    const me = await t.deps.services.users.get(t.userIds.admin)
    await admin.get(`/admin/users/${me.id}`)
    const response = await admin.post(`/admin/users/${me.id}/disable`, { version: String(me.version) })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('You cannot disable your own account')
  })

  it('changing a role signs the user out so the new role applies at once', async () => {
    const lead = new Browser(t.app)
    await lead.signIn('lead@test.example')
    const user = await t.deps.services.users.get(t.userIds.lead)
    await admin.get(`/admin/users/${user.id}`)
    const saved = await admin.post(`/admin/users/${user.id}`, {
      name: user.name,
      email: user.email,
      organisationId: String(user.organisationId),
      role: 'viewer',
      version: String(user.version),
    })
    expect(saved.statusCode).toBe(303)
    expect((await lead.get('/')).statusCode).toBe(302)
  })

  it('lets a user change their own password only with the current one', async () => {
    const analyst = new Browser(t.app)
    await analyst.signIn('analyst@test.example')
    await analyst.get('/account/password')
    const wrong = await analyst.post('/account/password', {
      currentPassword: 'not-my-password',
      password: 'new river lantern walnut',
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Your current password is not right')
    const right = await analyst.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      password: 'new river lantern walnut',
    })
    expect(right.statusCode).toBe(303)
    const fresh = new Browser(t.app)
    await fresh.signIn('analyst@test.example', 'new river lantern walnut')
  })

  it('filters the audit log and rejects a malformed date', async () => {
    const page = await admin.get('/admin/audit?action=user.disable')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('1 entries')
    expect(page.body).toContain('<td class="govuk-table__cell">user.disable</td>')
    expect(page.body).not.toContain('<td class="govuk-table__cell">organisation.create</td>')
    const bad = await admin.get('/admin/audit?from=23/11/2026')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the “from” date as YYYY-MM-DD')
  })
})
