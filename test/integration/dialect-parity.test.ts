import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../src/db/database.ts'
import { AUDIT_LOCK_KEY } from '../../src/modules/audit/repository.ts'
import { ValidationError } from '../../src/shared/errors.ts'
import { MAX_ID } from '../../src/shared/validation.ts'
import { buildTestApp, TEST_ACTOR, TEST_PASSWORD, type TestApp } from '../helpers/app.ts'
import { createTestDatabase, DIALECTS } from '../helpers/databases.ts'
import { Browser } from '../helpers/session.ts'

// Things that once meant something different on PostgreSQL than on SQLite.

describe.each(DIALECTS)('the same answers on %s', (dialect) => {
  let t: TestApp
  let admin: Browser
  let token: string

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
    const u = await t.deps.services.users.get(t.userIds.admin)
    const user = {
      id: u.id,
      email: u.email,
      name: u.name,
      role: 'admin' as const,
      organisationId: u.organisationId,
      organisationName: u.organisationName,
      personId: u.personId,
    }
    token = (await t.deps.services.auth.createToken(user, 'parity', TEST_ACTOR)).token
  })
  afterAll(() => t.close())

  it('refuses an id too large for an integer column as bad input, and finds nothing for the largest one', async () => {
    // PostgreSQL fails the whole query on 2147483648 ("out of range for type integer"): that was a 500 there, a 404 on SQLite.
    for (const id of [String(MAX_ID + 1), '99999999999', '99999999999999999999999']) {
      for (const path of ['organisations', 'people', 'users']) {
        expect((await admin.get(`/admin/${path}/${id}`)).statusCode, `/admin/${path}/${id}`).toBe(400)
      }
      const api = await t.app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${id}`,
        headers: { authorization: `Bearer ${token}` },
      })
      expect(api.statusCode).toBe(400)
      expect(api.headers['content-type']).toContain('application/problem+json')
    }
    expect((await admin.get(`/admin/organisations/${MAX_ID}`)).statusCode).toBe(404)
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${MAX_ID}`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(api.statusCode).toBe(404)
  })

  it('refuses an out-of-range organisation or version in a form as a field error', async () => {
    const { partners, users } = t.deps.services
    for (const organisationId of [String(MAX_ID + 1), MAX_ID + 1]) {
      const refused = await partners
        .createPerson(TEST_ACTOR, { name: 'Far Away', organisationId })
        .catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(ValidationError)
      expect(Object.keys((refused as ValidationError).fieldErrors)).toEqual(['organisationId'])
    }
    await expect(
      users.create(TEST_ACTOR, {
        email: 'far@test.example',
        name: 'Far',
        organisationId: '99999999999',
        role: 'viewer',
        password: TEST_PASSWORD,
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      partners.updateOrganisation(TEST_ACTOR, t.organisationId, {
        name: 'Test Council',
        shortName: 'TC',
        type: 'council',
        version: String(MAX_ID + 1),
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    expect(await partners.listPeople()).toEqual([])
  })

  it('answers an audit log page past the end with an empty page, and one too large to count as bad input', async () => {
    expect((await admin.get(`/admin/audit?page=${MAX_ID}`)).statusCode).toBe(200)
    expect((await admin.get('/admin/audit?page=99999999999999999999')).statusCode).toBe(400)
  })

  it('filters the audit log by actor as plain text, whatever the characters typed', async () => {
    const { audit } = t.deps.services
    for (const label of ['per%cent', 'under_score', 'back\\slash', 'plain']) {
      await audit.record(
        t.deps.database.db,
        { userId: null, label, ip: null },
        { action: 'parity.check', entityType: 'parity' },
      )
    }
    const actorsFound = async (actor: string) =>
      (await audit.search({ action: 'parity.check', actor }, 1)).rows.map((r) => r.actor).sort()
    expect(await actorsFound('%')).toEqual(['per%cent'])
    expect(await actorsFound('_')).toEqual(['under_score'])
    expect(await actorsFound('\\')).toEqual(['back\\slash'])
    expect(await actorsFound('\\s')).toEqual(['back\\slash'])
    expect(await actorsFound('R_S')).toEqual(['under_score'])
    expect(await actorsFound('LAI')).toEqual(['plain'])
  })

  it('refuses the second of two concurrent creates with one name as a field error, and logs only the first', async () => {
    const { partners, users, audit } = t.deps.services
    const before = await audit.verify()
    const results = await Promise.allSettled([
      partners.createOrganisation(TEST_ACTOR, { name: 'Twin Council', shortName: 'TW', type: 'council' }),
      partners.createOrganisation(TEST_ACTOR, { name: 'Twin Council', shortName: 'TW', type: 'council' }),
      users.create(TEST_ACTOR, {
        email: 'twin@test.example',
        name: 'Twin',
        organisationId: t.organisationId,
        role: 'viewer',
        password: TEST_PASSWORD,
      }),
      users.create(TEST_ACTOR, {
        email: 'twin@test.example',
        name: 'Twin',
        organisationId: t.organisationId,
        role: 'viewer',
        password: TEST_PASSWORD,
      }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected'])
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    for (const reason of reasons) expect(reason).toBeInstanceOf(ValidationError)
    expect(await audit.verify()).toEqual({ ok: true, entries: before.entries + 2 })
  })
})

if (DIALECTS.includes('postgres')) {
  describe('PostgreSQL side by side', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await buildTestApp('postgres')
    })
    afterAll(() => t.close())

    /**
     * Holds the audit lock from outside while `start` runs, so that every writer stops there with its own
     * insert into `table` made but not committed; lets go once `waiters` of this test's writers are queued
     * on the lock and `blocked` more on another transaction's rows.
     */
    async function withAuditLockHeld<T>(
      table: string,
      waiters: number,
      blocked: number,
      start: () => Promise<T>,
    ): Promise<T> {
      const holder = new pg.Client({
        connectionString: t.database.url,
        options: `-c search_path=${t.database.schema}`,
      })
      await holder.connect()
      let running: Promise<T> | undefined
      try {
        await holder.query('select pg_advisory_lock($1::bigint)', [AUDIT_LOCK_KEY])
        running = start()
        // Other test files write to the same server: count only backends that hold this schema's table.
        await vi.waitFor(
          async () => {
            const { rows } = await holder.query<{ advisory: number; rows: number }>(
              `with mine as (select distinct pid from pg_locks where relation = $2::regclass)
               select count(*) filter (where locktype = 'advisory' and objid = $1)::int as advisory,
                      count(*) filter (where locktype = 'transactionid')::int as rows
               from pg_locks where not granted and pid in (select pid from mine)`,
              [AUDIT_LOCK_KEY, table],
            )
            expect(rows[0]?.advisory).toBe(waiters)
            expect(rows[0]?.rows).toBe(blocked)
          },
          { timeout: 10_000, interval: 50 },
        )
      } finally {
        await holder.query('select pg_advisory_unlock($1::bigint)', [AUDIT_LOCK_KEY])
        await holder.end()
      }
      return running as Promise<T>
    }

    it('refuses a name taken by a transaction that commits while this one waits, as a field error', async () => {
      // Both find no "Rival Council" and both insert it; the second waits on the first's row, then fails on
      // the unique constraint. That failure must read as the duplicate check's message, not a server error.
      const { partners, audit } = t.deps.services
      const before = await audit.verify()
      const create = () =>
        partners.createOrganisation(TEST_ACTOR, { name: 'Rival Council', shortName: 'RC', type: 'council' })
      const results = await withAuditLockHeld('organisations', 1, 1, () =>
        Promise.allSettled([create(), create()]),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((r) => r.status === 'rejected')
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ValidationError)
      expect(refused?.status === 'rejected' && refused.reason.fieldErrors).toEqual({
        name: 'An organisation with this name already exists',
      })
      expect(await audit.verify()).toEqual({ ok: true, entries: before.entries + 1 })
    })

    it('refuses an email address taken the same way, as a field error', async () => {
      const { users, audit } = t.deps.services
      const before = await audit.verify()
      const create = () =>
        users.create(TEST_ACTOR, {
          email: 'rival@test.example',
          name: 'Rival',
          organisationId: t.organisationId,
          role: 'viewer',
          password: TEST_PASSWORD,
        })
      const results = await withAuditLockHeld('users', 1, 1, () => Promise.allSettled([create(), create()]))
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((r) => r.status === 'rejected')
      expect(refused?.status === 'rejected' && refused.reason.fieldErrors).toEqual({
        email: 'A user with this email address already exists',
      })
      expect(await audit.verify()).toEqual({ ok: true, entries: before.entries + 1 })
    })

    it('carries on when the server ends an idle pooled connection', async () => {
      const database = await createTestDatabase('postgres')
      const handle = openDatabase(database.url, { schema: database.schema })
      const admin = new pg.Client({ connectionString: database.url })
      await admin.connect()
      try {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)
        const pid = rows[0]?.pid
        // The connection now sits idle in the pool. Ending it from the server used to be an uncaught 'error'.
        await admin.query('select pg_terminate_backend($1)', [pid])
        await vi.waitFor(async () => {
          const { rows: left } = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid])
          expect(left).toHaveLength(0)
        })
        await new Promise((resolve) => setTimeout(resolve, 100))
        const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)
        expect(again.rows[0]?.pid).not.toBe(pid)
      } finally {
        await admin.end()
        await handle.close()
        await database.drop()
      }
    })
  })
}
