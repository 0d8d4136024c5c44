import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlreadySetUpError } from '../../src/modules/setup/service.ts'
import { ValidationError } from '../../src/shared/errors.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

const PASSWORD = 'amber-kettle-orchard-lamp'

const FORM = {
  partnershipName: 'Safer Southwark Partnership',
  areaCode: 'e09000028',
  organisations: 'LBS=London Borough of Southwark (council)\r\nMPS=Metropolitan Police Service (police)\r\n',
  adminName: 'Ada Administrator',
  adminEmail: 'Ada@Southwark.example',
  adminOrganisation: 'lbs',
  password: PASSWORD,
}

/** Follows redirects the way a browser would, and says where it ended. */
async function landing(browser: Browser, url: string): Promise<string> {
  let next = url
  for (let hops = 0; hops < 5; hops++) {
    const response = await browser.get(next)
    if (response.statusCode !== 302) return next
    next = String(response.headers.location)
  }
  throw new Error(`${url} redirects too many times`)
}

async function nothingWritten(t: TestApp) {
  expect(await countRows(t, 'users')).toBe(0)
  expect(await countRows(t, 'organisations')).toBe(0)
  expect(await countRows(t, 'partnership')).toBe(0)
  expect(await countRows(t, 'audit_log')).toBe(0)
}

describe.each(DIALECTS)('setting up an empty installation in the browser on %s', (dialect) => {
  let t: TestApp
  let code: string

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { empty: true })
    code = (await t.deps.services.setup.issueCode()) as string
  })
  afterAll(async () => {
    await t?.close()
  })

  it('sends every page to the setup page, leaving the health check, assets and the API as they are', async () => {
    const browser = new Browser(t.app)
    for (const url of ['/', '/plans', '/admin/users', '/sign-in', '/crime'])
      expect(await landing(browser, url)).toBe('/setup')
    expect((await browser.get('/health')).statusCode).toBe(200)
    expect((await browser.get('/api/v1/plans')).statusCode).toBe(401)
    const page = await browser.get('/setup')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Set up Safer for your partnership')
    expect(page.body).toContain('name="code"')
  })

  it('refuses a form without its CSRF token, and a wrong code, and writes nothing', async () => {
    const browser = new Browser(t.app)
    await browser.get('/setup')
    expect((await browser.post('/setup', { ...FORM, code }, { csrf: false })).statusCode).toBe(403)
    const wrong = await browser.post('/setup', { ...FORM, code: 'AAAA-BBBB-CCCC-DDDD' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Enter the setup code exactly as Safer printed it')
    // What was typed is kept, except the password.
    expect(wrong.body).toContain('value="Safer Southwark Partnership"')
    expect(wrong.body).not.toContain(PASSWORD)
    await nothingWritten(t)
  })

  it('names each bad answer and writes nothing', async () => {
    const browser = new Browser(t.app)
    await browser.get('/setup')
    const bad = await browser.post('/setup', {
      ...FORM,
      code,
      areaCode: 'E09999999',
      organisations: 'LBS London Borough of Southwark',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('is not an organisation')
    const weak = await browser.post('/setup', { ...FORM, code, password: 'password1234' })
    expect(weak.statusCode).toBe(400)
    expect(weak.body).toMatch(/href="#password"/)
    const area = await browser.post('/setup', { ...FORM, code, areaCode: 'E09999999' })
    expect(area.body).toContain('No local authority with the ONS code E09999999 is known')
    const admin = await browser.post('/setup', { ...FORM, code, adminOrganisation: 'LFB' })
    expect(admin.body).toMatch(/href="#adminOrganisation"/)
    await nothingWritten(t)
  })

  it('rolls the whole setup back when a write inside it fails', async () => {
    // Two organisations with one name: the second fails after the partnership and the first are written.
    await expect(
      t.deps.services.setup.complete(TEST_ACTOR, {
        ...FORM,
        organisations: [
          { shortName: 'LBS', name: 'Southwark Council', type: 'council' },
          { shortName: 'SC', name: 'Southwark Council', type: 'council' },
        ],
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    await nothingWritten(t)
  })

  it('sets Safer up with the code, signs the administrator in, and the page and code are gone after', async () => {
    const browser = new Browser(t.app)
    await browser.get('/setup')
    const done = await browser.post('/setup', { ...FORM, code: code.toLowerCase().replaceAll('-', ' ') })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/')
    const home = await browser.get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Ada Administrator')

    const { partners, users, audit } = t.deps.services
    expect(await partners.getPartnership()).toMatchObject({
      name: 'Safer Southwark Partnership',
      areaCode: 'E09000028',
      areaName: 'Southwark',
    })
    expect((await partners.listOrganisations()).map((o) => [o.shortName, o.type])).toEqual([
      ['LBS', 'council'],
      ['MPS', 'police'],
    ])
    const [admin] = await users.list()
    expect(admin).toMatchObject({
      email: 'ada@southwark.example',
      role: 'admin',
      organisationShortName: 'LBS',
    })
    const setupEntries = await audit.search({ action: 'safer.setup' }, 1)
    expect(setupEntries.rows).toHaveLength(1)
    expect(setupEntries.rows[0]?.actor).toBe('setup (one-time code)')
    expect((await audit.verify()).ok).toBe(true)

    // Afterwards the page leads home, the code is spent, and the service refuses a second setup.
    expect((await browser.get('/setup')).headers.location).toBe('/')
    const stranger = new Browser(t.app)
    await stranger.get('/sign-in')
    expect(
      (await stranger.post('/setup', { ...FORM, code, adminEmail: 'eve@example.org' })).headers.location,
    ).toBe('/')
    expect(t.deps.services.setup.checkCode(code)).toBe(false)
    expect(await t.deps.services.setup.issueCode()).toBeNull()
    await expect(
      t.deps.services.setup.complete(TEST_ACTOR, { ...FORM, adminEmail: 'eve@example.org' }),
    ).rejects.toBeInstanceOf(AlreadySetUpError)
    expect(await countRows(t, 'users')).toBe(1)
  })
})

describe.each(DIALECTS)('changing the partnership’s settings after setup on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
    await t.deps.services.partners.savePartnership(TEST_ACTOR, {
      name: 'Safer Southwark Partnership',
      areaCode: 'E09000028',
      areaName: 'Southwark',
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lets an administrator rename the partnership or move its area, checking the area and refusing a stale save', async () => {
    const admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
    const page = await admin.get('/admin/partnership')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Safer Southwark Partnership serves Southwark (E09000028)')
    const unknown = await admin.post('/admin/partnership', {
      partnershipName: 'Safer Lambeth',
      areaCode: 'E09999999',
      version: '1',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('No local authority with the ONS code E09999999 is known')
    const saved = await admin.post('/admin/partnership', {
      partnershipName: 'Safer Lambeth',
      areaCode: 'e09000022',
      version: '1',
    })
    expect(saved.statusCode).toBe(303)
    expect(await t.deps.services.partners.getPartnership()).toMatchObject({
      name: 'Safer Lambeth',
      areaCode: 'E09000022',
      areaName: 'Lambeth',
      version: 2,
    })
    const stale = await admin.post('/admin/partnership', {
      partnershipName: 'Safer Southwark',
      areaCode: 'E09000028',
      version: '1',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Saved by someone else')
    expect((await t.deps.services.audit.search({ action: 'partnership.update' }, 1)).rows).toHaveLength(1)

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    expect((await manager.get('/admin/partnership')).statusCode).toBe(403)
  })
})

describe.each(DIALECTS)('two setups at once on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { empty: true })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lets one through and refuses the other as already set up', async () => {
    const { setup } = t.deps.services
    const organisations = [{ shortName: 'LBS', name: 'London Borough of Southwark', type: 'council' }]
    const results = await Promise.allSettled([
      setup.complete(TEST_ACTOR, { ...FORM, organisations }),
      setup.complete(TEST_ACTOR, { ...FORM, organisations, adminEmail: 'second@southwark.example' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toBeInstanceOf(AlreadySetUpError)
    expect(await countRows(t, 'users')).toBe(1)
    expect(await countRows(t, 'organisations')).toBe(1)
    expect((await t.deps.services.audit.verify()).ok).toBe(true)
  })
})

describe('the setup page is rate-limited like sign-in', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { SIGN_IN_RATE_LIMIT: '3' }, { empty: true })
    await t.deps.services.setup.issueCode()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('answers 429 after the limit of guesses from one address in a minute', async () => {
    const browser = new Browser(t.app)
    await browser.get('/setup')
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await browser.post('/setup', { ...FORM, code: `WRONG-${i}` })).statusCode)
    expect(statuses).toEqual([400, 400, 400, 429])
    await nothingWritten(t)
  })
})
