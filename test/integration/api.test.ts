import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

describe.each(DIALECTS)('JSON API on %s', (dialect) => {
  let t: TestApp
  let adminToken: string
  let viewerToken: string

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const { auth, users } = t.deps.services
    const admin = await users.get(t.userIds.admin)
    const viewer = await users.get(t.userIds.viewer)
    const asUser = (u: typeof admin) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as 'admin',
      organisationId: u.organisationId,
      organisationName: u.organisationName,
      personId: u.personId,
    })
    adminToken = (
      await auth.createToken(asUser(admin), 'tests', { userId: admin.id, label: admin.email, ip: null })
    ).token
    viewerToken = (
      await auth.createToken(asUser(viewer), 'tests', { userId: viewer.id, label: viewer.email, ip: null })
    ).token
  })
  afterAll(() => t.close())

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, body?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    })

  it('answers 401 problem+json without credentials, and with a wrong token', async () => {
    for (const token of [undefined, 'safer_not-a-real-token']) {
      const response = await api('GET', '/organisations', token)
      expect(response.statusCode).toBe(401)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json()).toMatchObject({ status: 401, title: 'Not signed in' })
    }
  })

  it('authenticates by personal token and reports the user', async () => {
    const response = await api('GET', '/me', viewerToken)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ email: 'viewer@test.example', role: 'viewer' })
  })

  it('answers 403 when the role does not allow the action', async () => {
    const response = await api('POST', '/organisations', viewerToken, {
      name: 'X',
      shortName: 'X',
      type: 'council',
    })
    expect(response.statusCode).toBe(403)
    expect((await api('GET', '/users', viewerToken)).statusCode).toBe(403)
  })

  it('answers 400 with field errors for bad input, and writes nothing', async () => {
    const before = (await api('GET', '/organisations', adminToken)).json().organisations.length
    const response = await api('POST', '/organisations', adminToken, { name: '', type: 'bank' })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toEqual({
      name: 'Enter the organisation’s name',
      shortName: 'Enter a short name, such as LBS or MPS',
      type: 'Select the type of organisation',
    })
    expect((await api('GET', '/organisations', adminToken)).json().organisations.length).toBe(before)
  })

  it('creates, reads and updates with optimistic concurrency: a stale version answers 409 with the stored record', async () => {
    const created = await api('POST', '/organisations', adminToken, {
      name: 'London Fire Brigade',
      shortName: 'LFB',
      type: 'fire',
    })
    expect(created.statusCode).toBe(201)
    const org = created.json()
    expect(org).toMatchObject({ name: 'London Fire Brigade', shortName: 'LFB', type: 'fire', version: 1 })

    const first = await api('PUT', `/organisations/${org.id}`, adminToken, {
      ...org,
      shortName: 'LFB Southwark',
    })
    expect(first.statusCode).toBe(200)
    expect(first.json().version).toBe(2)

    const stale = await api('PUT', `/organisations/${org.id}`, adminToken, {
      ...org,
      shortName: 'Overwritten',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ short_name: 'LFB Southwark', version: 2 })
    expect((await api('GET', `/organisations/${org.id}`, adminToken)).json().shortName).toBe('LFB Southwark')
  })

  it('answers 404 for a record that does not exist and for an unknown API path', async () => {
    expect((await api('GET', '/organisations/99999', adminToken)).statusCode).toBe(404)
    const unknown = await api('GET', '/no-such-thing', adminToken)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toContain('application/problem+json')
  })

  it('records every API change in the audit log with before and after values', async () => {
    const created = (
      await api('POST', '/people', adminToken, { name: 'Supt Ian Howells', jobTitle: 'Superintendent' })
    ).json()
    await api('PUT', `/people/${created.id}`, adminToken, { ...created, jobTitle: 'Chief Superintendent' })
    const log = (await api('GET', `/audit?entityType=person&entityId=${created.id}`, adminToken)).json()
    expect(log.rows.map((r: { action: string }) => r.action)).toEqual(['person.update', 'person.create'])
    expect(log.rows[0].actor).toBe('admin@test.example')
    expect(log.rows[0].detail.before.job_title).toBe('Superintendent')
    expect(log.rows[0].detail.after.job_title).toBe('Chief Superintendent')
  })

  it('needs a CSRF token for a write made with a browser session, not with a token', async () => {
    const browser = new Browser(t.app)
    await browser.signIn('admin@test.example')
    const body = JSON.stringify({ name: 'Community Southwark', shortName: 'CS', type: 'voluntary' })
    const headers = { cookie: browser.jar.header(), 'content-type': 'application/json' }
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers,
      payload: body,
    })
    expect(without.statusCode).toBe(403)
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...headers, 'x-csrf-token': browser.csrfToken },
      payload: body,
    })
    expect(withToken.statusCode).toBe(201)
  })

  it('stops accepting a revoked token and a disabled user’s token', async () => {
    const { auth, users } = t.deps.services
    const analyst = await users.get(t.userIds.analyst)
    const current = {
      id: analyst.id,
      email: analyst.email,
      name: analyst.name,
      role: 'analyst' as const,
      organisationId: analyst.organisationId,
      organisationName: analyst.organisationName,
      personId: analyst.personId,
    }
    const actor = { userId: analyst.id, label: analyst.email, ip: null }
    const one = await auth.createToken(current, 'one', actor)
    expect((await api('GET', '/me', one.token)).statusCode).toBe(200)
    expect(await auth.revokeToken(current, one.id, actor)).toBe(true)
    expect((await api('GET', '/me', one.token)).statusCode).toBe(401)

    const two = await auth.createToken(current, 'two', actor)
    const disabled = await api('POST', `/users/${analyst.id}/disable`, adminToken, {
      version: analyst.version,
    })
    expect(disabled.statusCode).toBe(200)
    expect((await api('GET', '/me', two.token)).statusCode).toBe(401)
  })
})

describe('OpenAPI document', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite')
  })
  afterAll(() => t.close())

  it('describes every API route with the schema that validates its input', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toBe('3.1.0')
    const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}')
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined()
    }
    const create = doc.paths['/api/v1/organisations'].post
    const schema = create.requestBody.content['application/json'].schema
    expect(schema.required).toEqual(['name', 'shortName', 'type'])
    expect(schema.properties.type.enum).toContain('youth justice')
    expect(doc.paths['/api/v1/organisations/{id}'].put.responses['409']).toBeDefined()
  })
})
