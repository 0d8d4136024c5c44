import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

describe.each(DIALECTS)('reads of sensitive lists are audited on %s', (dialect) => {
  let t: TestApp
  let admin: Browser
  let token: string

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
    const { auth, users } = t.deps.services
    const u = await users.get(t.userIds.admin)
    const user = {
      id: u.id,
      email: u.email,
      name: u.name,
      role: 'admin' as const,
      organisationId: u.organisationId,
      organisationName: u.organisationName,
      personId: u.personId,
    }
    token = (await auth.createToken(user, 'read audit', { userId: u.id, label: u.email, ip: null })).token
  })
  afterAll(() => t.close())

  const lastViewed = async () => (await t.deps.services.audit.search({ action: 'viewed' }, 1, 1)).rows[0]

  const reads = [
    { what: 'people', page: '/admin/people', api: '/api/v1/people' },
    { what: 'users', page: '/admin/users', api: '/api/v1/users' },
    { what: 'audit', page: '/admin/audit?action=sign-in', api: '/api/v1/audit?action=sign-in' },
  ]

  for (const read of reads) {
    it(`records who read the ${read.what} list, on its page and through the API, and the chain still verifies`, async () => {
      const page = await admin.get(read.page)
      expect(page.statusCode).toBe(200)
      const fromPage = await lastViewed()
      expect(fromPage).toMatchObject({
        action: 'viewed',
        actor: 'admin@test.example',
        actor_user_id: t.userIds.admin,
        entity_type: read.what,
        entity_id: null,
      })
      expect(JSON.parse(fromPage?.detail ?? '{}')).toMatchObject({ path: read.page.split('?')[0] })
      expect(fromPage?.ip).toBeTruthy()

      const api = await t.app.inject({
        method: 'GET',
        url: read.api,
        headers: { authorization: `Bearer ${token}` },
      })
      expect(api.statusCode).toBe(200)
      const fromApi = await lastViewed()
      expect(fromApi?.id).toBeGreaterThan(fromPage?.id ?? 0)
      expect(fromApi).toMatchObject({ action: 'viewed', actor: 'admin@test.example', entity_type: read.what })
      expect(JSON.parse(fromApi?.detail ?? '{}')).toMatchObject({ path: read.api.split('?')[0] })

      expect(await t.deps.services.audit.verify()).toMatchObject({ ok: true })
    })
  }

  it('records the filter the audit log was read with', async () => {
    await admin.get('/admin/audit?action=user.create&actor=test')
    expect(JSON.parse((await lastViewed())?.detail ?? '{}')).toMatchObject({
      filter: { action: 'user.create', actor: 'test', page: 1 },
    })
  })

  it('records nothing when the read is refused', async () => {
    const before = await lastViewed()
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    expect((await viewer.get('/admin/users')).statusCode).toBe(403)
    expect((await admin.get('/admin/audit?from=not-a-date')).statusCode).toBe(400)
    expect((await lastViewed())?.id).toBe(before?.id)
  })
})
