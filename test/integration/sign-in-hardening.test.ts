import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FAILED_SIGN_INS, SLOW_DOWN_BASE_MS } from '../../src/modules/auth/service.ts'
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

const ORIGIN = 'http://localhost'
const HOSTILE_RETURNS = [
  '/%09/evil.example/phish',
  '/%0A/evil.example',
  '/%0D%0ASet-Cookie:%20x=1',
  '//evil.example',
  '/%5Cevil.example',
  '/%5C/evil.example',
  '%2F%2Fevil.example',
  '/%252F%252Fevil.example',
  'https://evil.example',
  'https:%2F%2Fevil.example',
  'javascript:alert(1)',
]

function expectSamePath(location: unknown) {
  const value = String(location)
  expect(value.startsWith('/') && !value.startsWith('//'), value).toBe(true)
  expect(new URL(value, ORIGIN).origin, value).toBe(ORIGIN)
}

describe.each(DIALECTS)('sign-in hardening on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  describe('the return path after sign-in', () => {
    it('stays on the site when already signed in, whatever returnTo holds', async () => {
      const browser = new Browser(t.app)
      await browser.signIn('viewer@test.example')
      for (const returnTo of HOSTILE_RETURNS) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/sign-in?returnTo=${returnTo}`,
          headers: { cookie: browser.jar.header() },
        })
        expect(response.statusCode, returnTo).toBe(302)
        expectSamePath(response.headers.location)
      }
      const kept = await browser.get('/sign-in?returnTo=%2Fplans%3Frag%3Dred')
      expect(kept.headers.location).toBe('/plans?rag=red')
    })

    it('stays on the site from the form, and puts only a safe path in the form', async () => {
      for (const returnTo of HOSTILE_RETURNS) {
        const browser = new Browser(t.app)
        const page = await browser.get(`/sign-in?returnTo=${returnTo}`)
        expect(page.statusCode, returnTo).toBe(200)
        expect(page.body, returnTo).toContain('name="returnTo" value="/"')
        const decoded = decodeURIComponent(returnTo.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))
        const response = await browser.post('/sign-in', {
          email: 'viewer@test.example',
          password: TEST_PASSWORD,
          returnTo: decoded,
        })
        expect(response.statusCode, returnTo).toBe(303)
        expect(response.headers.location, returnTo).toBe('/')
      }
    })
  })

  describe('CSRF tokens', () => {
    /** A POST that changes something, with the cookies and token given. */
    const createToken = (cookie: string, csrf: string) =>
      t.app.inject({
        method: 'POST',
        url: '/account/tokens',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, name: 'csrf check', expiresInDays: '7' }).toString(),
      })
    const sessionOf = (b: Browser) => `safer_session=${b.jar.get('safer_session')}`
    const csrfCookieOf = (b: Browser) => `safer_csrf=${b.jar.get('safer_csrf')}`

    it('refuses a token minted for a signed-out visitor with someone’s session', async () => {
      const visitor = new Browser(t.app)
      await visitor.get('/sign-in')
      const victim = new Browser(t.app)
      await victim.signIn('analyst@test.example')
      const forged = await createToken(`${sessionOf(victim)}; ${csrfCookieOf(visitor)}`, visitor.csrfToken)
      expect(forged.statusCode).toBe(403)
      // The victim's own token works.
      expect((await createToken(victim.jar.header(), victim.csrfToken)).statusCode).toBe(201)
    })

    it('refuses a token minted for one user with another user’s session', async () => {
      const alice = new Browser(t.app)
      await alice.signIn('board-member@test.example')
      const bob = new Browser(t.app)
      await bob.signIn('caseworker@test.example')
      const forged = await createToken(`${sessionOf(bob)}; ${csrfCookieOf(alice)}`, alice.csrfToken)
      expect(forged.statusCode).toBe(403)
    })

    it('gives a new CSRF secret at sign-in, so a token from before it is no longer good', async () => {
      const browser = new Browser(t.app)
      await browser.get('/sign-in')
      const before = browser.jar.get('safer_csrf')
      const tokenBefore = browser.csrfToken
      const signedIn = await browser.post('/sign-in', { email: 'lead@test.example', password: TEST_PASSWORD })
      expect(signedIn.statusCode).toBe(303)
      expect(browser.jar.get('safer_csrf')).toBeDefined()
      expect(browser.jar.get('safer_csrf')).not.toBe(before)
      expect((await createToken(browser.jar.header(), tokenBefore)).statusCode).toBe(403)
      await browser.get('/account')
      expect((await createToken(browser.jar.header(), browser.csrfToken)).statusCode).toBe(201)
    })
  })

  describe('failed sign-ins, per email address and network address', () => {
    it('locks the email from the address that failed, and only slows down every other address', async () => {
      const attacker = new Browser(t.app, { remoteAddress: '203.0.113.9' })
      await attacker.get('/sign-in')
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
        expect(
          (
            await attacker.post('/sign-in', {
              email: 'partnership-manager@test.example',
              password: 'not-the-password',
            })
          ).statusCode,
        ).toBe(401)
      }
      const locked = await attacker.post('/sign-in', {
        email: 'partnership-manager@test.example',
        password: TEST_PASSWORD,
      })
      expect(locked.statusCode).toBe(401)
      expect(locked.body).toContain('too many attempts')

      // The owner, elsewhere, still gets in: after a wait, not a lockout.
      const owner = new Browser(t.app, { remoteAddress: '198.51.100.20' })
      await owner.get('/sign-in')
      const started = Date.now()
      const signedIn = await owner.post('/sign-in', {
        email: 'partnership-manager@test.example',
        password: TEST_PASSWORD,
      })
      expect(signedIn.statusCode).toBe(303)
      expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_DOWN_BASE_MS * 0.9)

      // Signing in from elsewhere does not unlock the address that failed.
      expect(
        (
          await attacker.post('/sign-in', {
            email: 'partnership-manager@test.example',
            password: TEST_PASSWORD,
          })
        ).statusCode,
      ).toBe(401)
    })

    it('says the same for an email with no account, so the lock reveals nothing', async () => {
      const outsider = new Browser(t.app, { remoteAddress: '203.0.113.10' })
      await outsider.get('/sign-in')
      const answers: string[] = []
      for (const email of ['nobody-here@test.example', 'admin@test.example']) {
        for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
          await outsider.post('/sign-in', { email, password: 'not-the-password' })
        const response = await outsider.post('/sign-in', { email, password: 'still-not-the-password' })
        expect(response.statusCode).toBe(401)
        answers.push(response.body.match(/class="govuk-error-message"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '')
      }
      expect(answers[0]).toContain('too many attempts')
      expect(answers[1]).toBe(answers[0])
      // Another address is not locked out of the account.
      const colleague = new Browser(t.app, { remoteAddress: '198.51.100.21' })
      await colleague.signIn('admin@test.example')
    })
  })
})

describe('cookies and framing in production', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { NODE_ENV: 'production' })
  })
  afterAll(() => t.close())

  it('names secure cookies with the __Host- prefix, and the session and CSRF token still work', async () => {
    const browser = new Browser(t.app)
    const page = await browser.get('/sign-in')
    const csrf = page.cookies.find((c) => c.name === '__Host-safer_csrf')
    expect(csrf).toMatchObject({ secure: true, path: '/', httpOnly: true })
    expect(csrf?.domain).toBeUndefined()
    expect(page.cookies.find((c) => c.name === 'safer_csrf')).toBeUndefined()
    const signedIn = await browser.post('/sign-in', { email: 'viewer@test.example', password: TEST_PASSWORD })
    expect(signedIn.statusCode).toBe(303)
    const session = signedIn.cookies.find((c) => c.name === '__Host-safer_session')
    expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true })
    expect((await browser.get('/account')).statusCode).toBe(200)
    expect((await browser.post('/sign-out')).statusCode).toBe(303)
    expect((await browser.get('/account')).statusCode).toBe(302)
  })

  it('forbids framing in the old header as well as in the CSP', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' })
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
  })
})
