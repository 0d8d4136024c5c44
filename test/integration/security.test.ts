import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { Browser } from '../helpers/session.ts'

describe('security headers, sessions and error pages', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite')
  })
  afterAll(() => t.close())

  it('sends a nonce-based CSP, nosniff and no-store on pages, with a fresh nonce each time', async () => {
    const one = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const two = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const csp = String(one.headers['content-security-policy'])
    expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(one.headers['x-content-type-options']).toBe('nosniff')
    expect(one.headers['cache-control']).toBe('no-store')
    expect(one.headers['content-security-policy']).not.toBe(two.headers['content-security-policy'])
    const nonce = csp.match(/nonce-([0-9a-f]+)/)?.[1]
    expect(one.body).toContain(`<script nonce="${nonce}">`)
    expect(one.headers['strict-transport-security']).toBeUndefined()
  })

  it('sends HSTS and Secure cookies in production', async () => {
    const prod = await buildTestApp('sqlite', { NODE_ENV: 'production' })
    try {
      const page = await prod.app.inject({ method: 'GET', url: '/sign-in' })
      expect(page.headers['strict-transport-security']).toContain('max-age=31536000')
      // Secure cookies carry the __Host- prefix (ADR 0009).
      const csrfCookie = page.cookies.find((c) => c.name === '__Host-safer_csrf')
      expect(csrfCookie?.secure).toBe(true)
      expect(csrfCookie?.httpOnly).toBe(true)
      expect(csrfCookie?.sameSite).toBe('Strict')
    } finally {
      await prod.close()
    }
  })

  it('reports health with the database status and no personal data', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('serves GOV.UK Frontend styled for a service that is not on GOV.UK', async () => {
    const css = await t.app.inject({ method: 'GET', url: '/assets/safer-frontend.css' })
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
    expect(css.body).not.toContain('GDS Transport')
    // A byte-order mark inside the file would void the rule it touches (the breakpoints GOV.UK's script reads).
    expect(css.body.startsWith('@charset "UTF-8";')).toBe(true)
    expect(css.body).not.toContain('\uFEFF')
    expect(css.body).toContain(':root{--govuk-breakpoint-mobile:20rem;--govuk-breakpoint-tablet:40.0625rem')
    expect(css.body).toContain('font-family:arial,sans-serif')
    expect((await t.app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.js' })).statusCode).toBe(200)
    // GDS Transport is licensed for GOV.UK services only: Safer does not serve it.
    expect(
      (await t.app.inject({ method: 'GET', url: '/assets/fonts/light-94a07e06a1-v2.woff2' })).statusCode,
    ).toBe(404)
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' })
    expect(page.body).not.toContain('Crown copyright')
    expect(page.body).not.toContain('govuk-footer__crown')
    expect(
      (await t.app.inject({ method: 'GET', url: '/assets/components/button/template.njk' })).statusCode,
    ).toBe(404)
    expect(
      (await t.app.inject({ method: 'GET', url: '/assets/components/button/fixtures.json' })).statusCode,
    ).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: '/assets/manifest.json' })).statusCode).toBe(200)
  })

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const db = t.deps.database.db
    const idle = new Browser(t.app)
    await idle.signIn('viewer@test.example')
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .execute()
    expect((await idle.get('/')).statusCode).toBe(302)

    const long = new Browser(t.app)
    await long.signIn('viewer@test.example')
    await db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 12 * 3600_000 - 1000).toISOString() })
      .execute()
    expect((await long.get('/')).statusCode).toBe(302)
    const left = await db.selectFrom('sessions').selectAll().execute()
    expect(left).toEqual([])
  })

  it('stores only a hash of the session id', async () => {
    const browser = new Browser(t.app)
    const response = await browser.signIn('analyst@test.example')
    const id = response.cookies.find((c) => c.name === 'safer_session')?.value as string
    const rows = await t.deps.database.db.selectFrom('sessions').select('id_hash').execute()
    expect(rows.map((r) => r.id_hash)).not.toContain(id)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true)
  })

  it('shows GOV.UK 404 and 403 pages, and refuses oversized bodies', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const missing = await viewer.get('/no-such-page')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('Page not found')
    const forbidden = await viewer.get('/admin/users')
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.body).toContain('You do not have permission to see this page')
    const huge = await viewer.post('/account/tokens', { name: 'x'.repeat(1_100_000) })
    expect(huge.statusCode).toBe(413)
  })
})
