import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCurrentUser } from '../../src/access/current-user.ts'
import type { Role } from '../../src/access/roles.ts'
import { formatDateTime } from '../../src/web/view-helpers.ts'
import { buildTestApp, countRows, TEST_ACTOR, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

const DAY_MS = 86_400_000
const NEW_PASSWORD = 'marble quartz heron'

describe.each(DIALECTS)('API tokens and password changes on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  async function tokenFor(role: Role, days?: number) {
    const user = asCurrentUser(await t.deps.services.users.get(t.userIds[role]))
    return (await t.deps.services.auth.createToken(user, `${role} script`, TEST_ACTOR, days)).token
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })

  describe('where a token is accepted', () => {
    it('works on the API and nowhere else: no pages, no token-making, no changes through forms', async () => {
      const token = await tokenFor('partnership-manager')
      expect((await me(token)).statusCode).toBe(200)
      const tokensBefore = await countRows(t, 'api_tokens')
      const peopleBefore = await countRows(t, 'people')

      const mint = await t.app.inject({
        method: 'POST',
        url: '/account/tokens',
        headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=second&expiresInDays=365',
      })
      expect(mint.statusCode).toBe(302)
      expect(mint.headers.location).toMatch(/^\/sign-in/)
      const person = await t.app.inject({
        method: 'POST',
        url: '/admin/people',
        headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=Planted+Person',
      })
      expect(person.statusCode).toBe(302)
      const password = await t.app.inject({
        method: 'POST',
        url: '/account/password',
        headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
        payload: `currentPassword=${TEST_PASSWORD}&password=${encodeURIComponent(NEW_PASSWORD)}`,
      })
      expect(password.statusCode).toBe(302)
      expect(
        (await t.app.inject({ method: 'GET', url: '/account', headers: bearer(token) })).statusCode,
      ).toBe(302)

      expect(await countRows(t, 'api_tokens')).toBe(tokensBefore)
      expect(await countRows(t, 'people')).toBe(peopleBefore)
      // The API still takes it, and still changes data with it.
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'Through The API' }),
      })
      expect(created.statusCode).toBe(201)
    })

    it('does not let a token stand in for a browser session on a session-only API route', async () => {
      const { createApp } = await import('../../src/app.ts')
      const probe = await createApp(t.deps, {
        extend: async (app) => {
          app.post(
            '/api/v1/probe',
            { config: { permission: 'account:manage', sessionOnly: true } },
            async () => ({ ok: true }),
          )
        },
      })
      try {
        const token = await tokenFor('admin')
        const response = await probe.app.inject({
          method: 'POST',
          url: '/api/v1/probe',
          headers: bearer(token),
        })
        expect(response.statusCode).toBe(403)
        expect(response.json().detail).toContain('signed in')
      } finally {
        await probe.app.close()
      }
    })
  })

  describe('expiry and last use', () => {
    it('expires after the period chosen at creation, 90 days unless another is chosen', async () => {
      const browser = new Browser(t.app)
      await browser.signIn('analyst@test.example')
      await browser.get('/account')
      const page = await browser.get('/account')
      for (const days of ['7', '30', '90', '365'])
        expect(page.body).toContain(`name="expiresInDays" type="radio" value="${days}"`)

      const week = await browser.post('/account/tokens', { name: 'weekly import', expiresInDays: '7' })
      expect(week.statusCode).toBe(201)
      const plain = await browser.post('/account/tokens', { name: 'default length' })
      expect(plain.statusCode).toBe(201)
      const odd = await browser.post('/account/tokens', { name: 'forever', expiresInDays: '100000' })
      expect(odd.statusCode).toBe(400)
      expect(odd.body).toContain('Choose how long the token lasts')

      const rows = await t.deps.database.db
        .selectFrom('api_tokens')
        .select(['name', 'created_at', 'expires_at'])
        .where('user_id', '=', t.userIds.analyst)
        .execute()
      const lasting = (name: string) => {
        const row = rows.find((r) => r.name === name)
        return (Date.parse(String(row?.expires_at)) - Date.parse(String(row?.created_at))) / DAY_MS
      }
      expect(lasting('weekly import')).toBe(7)
      expect(lasting('default length')).toBe(90)
      expect(rows.map((r) => r.name)).not.toContain('forever')
    })

    it('refuses an expired token and shows each token’s expiry and last use', async () => {
      const token = await tokenFor('board-member', 30)
      const used = await me(token)
      expect(used.statusCode).toBe(200)
      const browser = new Browser(t.app)
      await browser.signIn('board-member@test.example')
      const page = (await browser.get('/account')).body
      expect(page).toContain('Expires')
      expect(page).toContain('Last used')
      const row =
        page.match(
          /<tr class="govuk-table__row">\s*<td class="govuk-table__cell">board-member script<\/td>[\s\S]*?<\/tr>/,
        )?.[0] ?? ''
      expect(row).not.toContain('Never')
      const stored = await t.deps.database.db
        .selectFrom('api_tokens')
        .select(['created_at', 'expires_at'])
        .where('user_id', '=', t.userIds['board-member'])
        .executeTakeFirstOrThrow()
      expect((Date.parse(String(stored.expires_at)) - Date.parse(stored.created_at)) / DAY_MS).toBe(30)
      expect(row).toContain(formatDateTime(stored.expires_at))

      await t.deps.database.db
        .updateTable('api_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', t.userIds['board-member'])
        .execute()
      expect((await me(token)).statusCode).toBe(401)
      expect((await browser.get('/account')).body).toContain('Expired')
    })
  })

  describe('changing a password', () => {
    it('ends the user’s other sessions, keeps this one, and keeps tokens unless asked', async () => {
      const token = await tokenFor('lead')
      const here = new Browser(t.app)
      await here.signIn('lead@test.example')
      const elsewhere = new Browser(t.app)
      await elsewhere.signIn('lead@test.example')

      await here.get('/account/password')
      const page = await here.get('/account/password')
      expect(page.body).toContain('Also revoke my API tokens')
      const changed = await here.post('/account/password', {
        currentPassword: TEST_PASSWORD,
        password: NEW_PASSWORD,
      })
      expect(changed.statusCode).toBe(303)
      expect((await here.get('/account')).statusCode).toBe(200)
      expect((await elsewhere.get('/account')).statusCode).toBe(302)
      expect((await me(token)).statusCode).toBe(200)

      const again = await here.post('/account/password', {
        currentPassword: NEW_PASSWORD,
        password: 'lantern walnut river',
        revokeTokens: 'yes',
      })
      expect(again.statusCode).toBe(303)
      expect((await me(token)).statusCode).toBe(401)
      expect((await here.get('/account')).statusCode).toBe(200)
    })

    it('on an administrator’s reset, ends every session and revokes every token', async () => {
      const token = await tokenFor('caseworker')
      const theirs = new Browser(t.app)
      await theirs.signIn('caseworker@test.example')
      const admin = new Browser(t.app)
      await admin.signIn('admin@test.example')
      await admin.get(`/admin/users/${t.userIds.caseworker}/password`)
      const reset = await admin.post(`/admin/users/${t.userIds.caseworker}/password`, {
        password: NEW_PASSWORD,
      })
      expect(reset.statusCode).toBe(303)
      expect((await theirs.get('/account')).statusCode).toBe(302)
      expect((await me(token)).statusCode).toBe(401)
      const log = await t.deps.services.audit.search({ action: 'user.reset-password' }, 1)
      expect(JSON.parse(log.rows[0]?.detail ?? '{}')).toMatchObject({ tokensRevoked: 1 })
    })

    if (dialect === 'sqlite') {
      it('on `safer user reset-password`, revokes every token too', { timeout: 120_000 }, async () => {
        const token = await tokenFor('viewer')
        expect((await me(token)).statusCode).toBe(200)
        const result = await runCli(
          ['user', 'reset-password', 'viewer@test.example', '--password-stdin'],
          { DATABASE_URL: t.database.url },
          `${NEW_PASSWORD}\n`,
        )
        expect(result.code).toBe(0)
        expect(result.stdout).toContain('API tokens')
        expect((await me(token)).statusCode).toBe(401)
      })
    }
  })
})
