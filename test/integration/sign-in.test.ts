import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FAILED_SIGN_INS } from '../../src/modules/auth/service.ts'
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

describe.each(DIALECTS)('sign-in and sessions on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  it('redirects a signed-out visitor from the home page to sign-in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/sign-in?returnTo=%2F')
  })

  it('signs in, rotates the session id, shows the home page and signs out', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const first = await browser.post('/sign-in', { email: 'viewer@test.example', password: TEST_PASSWORD })
    expect(first.statusCode).toBe(303)
    const firstSession = first.cookies.find((c) => c.name === 'safer_session')
    expect(firstSession?.httpOnly).toBe(true)
    expect(firstSession?.sameSite).toBe('Lax')

    const home = await browser.get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Hello, Test viewer')

    // Signing in again over a live session issues a different id and kills the old one.
    await browser.get('/sign-in?returnTo=/account')
    const second = await browser.post('/sign-in', {
      email: 'viewer@test.example',
      password: TEST_PASSWORD,
      returnTo: '/account',
    })
    const secondSession = second.cookies.find((c) => c.name === 'safer_session')
    expect(secondSession?.value).not.toBe(firstSession?.value)
    const old = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `safer_session=${firstSession?.value}` },
    })
    expect(old.statusCode).toBe(302)

    await browser.get('/')
    const out = await browser.post('/sign-out')
    expect(out.statusCode).toBe(303)
    expect((await browser.get('/')).statusCode).toBe(302)
  })

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const unknown = await browser.post('/sign-in', {
      email: 'nobody@test.example',
      password: 'whatever-password',
    })
    const wrong = await browser.post('/sign-in', {
      email: 'analyst@test.example',
      password: 'whatever-password',
    })
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.body).toContain('Enter a correct email address and password')
    expect(wrong.body).toContain('Enter a correct email address and password')
    expect(wrong.body).toContain('value="analyst@test.example"')
  })

  it('locks an email address after repeated failures, even with the right password after', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await browser.post('/sign-in', { email: 'caseworker@test.example', password: 'not-the-password' })
    }
    const locked = await browser.post('/sign-in', {
      email: 'caseworker@test.example',
      password: TEST_PASSWORD,
    })
    expect(locked.statusCode).toBe(401)
    expect(locked.body).toContain('too many attempts')
  })

  it('refuses a sign-in without a CSRF token and creates no session', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const response = await browser.post(
      '/sign-in',
      { email: 'admin@test.example', password: TEST_PASSWORD },
      { csrf: false },
    )
    expect(response.statusCode).toBe(403)
    expect(browser.jar.has('safer_session')).toBe(false)
  })

  it('shows field errors with the GOV.UK error summary when the form is empty', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const response = await browser.post('/sign-in', { email: '', password: '' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('govuk-error-summary')
    expect(response.body).toContain('Enter your email address')
    expect(response.body).toContain('<title>Error: Sign in – Safer</title>')
  })

  it('never redirects off-site after sign-in', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const response = await browser.post('/sign-in', {
      email: 'lead@test.example',
      password: TEST_PASSWORD,
      returnTo: '//evil.example/',
    })
    expect(response.headers.location).toBe('/')
  })
})

describe('sign-in rate limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { SIGN_IN_RATE_LIMIT: '3' })
  })
  afterAll(() => t.close())

  it('answers 429 once an address has tried too often in a minute', async () => {
    const browser = new Browser(t.app)
    await browser.get('/sign-in')
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await browser.post('/sign-in', { email: `x${i}@test.example`, password: 'wrong-password-here' }))
          .statusCode,
      )
    expect(statuses).toEqual([401, 401, 401, 429])
  })
})
