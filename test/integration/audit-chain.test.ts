import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ROLES } from '../../src/access/roles.ts'
import { AUDIT_LOCK_KEY } from '../../src/modules/audit/repository.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

const WRITERS = 50

describe.each(DIALECTS)('the audit chain under concurrent writers on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
  })
  afterAll(() => t.close())

  const entryCount = async () =>
    Number(
      (
        await t.deps.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  /** prev_hash values that more than one entry links to: a fork in the chain. */
  const forks = () =>
    t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => ['prev_hash', eb.fn.countAll().as('n')])
      .groupBy('prev_hash')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute()

  it(`stays one unbroken chain with ${WRITERS} writers at once`, async () => {
    // buildTestApp wrote one organisation and one user per role, one entry each.
    const setupEntries = 1 + ROLES.length
    expect(await t.deps.services.audit.verify()).toEqual({ ok: true, entries: setupEntries })

    const ids = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        t.deps.services.partners.createOrganisation(TEST_ACTOR, {
          name: `Concurrent ${i}`,
          shortName: `C${i}`,
          type: 'other',
        }),
      ),
    )
    expect(new Set(ids).size).toBe(WRITERS)

    expect(await t.deps.services.audit.verify()).toEqual({ ok: true, entries: setupEntries + WRITERS })
    expect(await entryCount()).toBe(setupEntries + WRITERS)
    expect(await forks()).toEqual([])

    // Every write is in the log exactly once, against the organisation it created.
    const { rows, total } = await t.deps.services.audit.search({ action: 'organisation.create' }, 1, 100)
    expect(total).toBe(WRITERS + 1)
    expect(rows.map((r) => Number(r.entity_id)).sort((a, b) => a - b)).toEqual(
      [t.organisationId, ...ids].sort((a, b) => a - b),
    )
  })

  // SQLite has one writer at a time by construction; on PostgreSQL the advisory lock is what makes that so.
  if (dialect === 'postgres') {
    it('makes every PostgreSQL writer queue on the advisory lock, then append in turn once it is free', async () => {
      const holder = new pg.Client({
        connectionString: t.database.url,
        options: `-c search_path=${t.database.schema}`,
      })
      await holder.connect()
      // Writers of this test only: other test files share the server and the lock key, so count the
      // backends that also hold a lock on this schema's organisations table (their uncommitted insert).
      const waiting = async () => {
        const { rows } = await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_locks
           where locktype = 'advisory' and not granted and classid = 0 and objid = $1 and objsubid = 1
             and pid in (select pid from pg_locks where relation = 'organisations'::regclass)`,
          [AUDIT_LOCK_KEY],
        )
        return rows[0]?.n
      }
      const before = await entryCount()
      let writes: Promise<number[]> | undefined
      try {
        // The same key as a session lock conflicts with the writers' transaction-level locks.
        await holder.query('select pg_advisory_lock($1::bigint)', [AUDIT_LOCK_KEY])
        writes = Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            t.deps.services.partners.createOrganisation(TEST_ACTOR, {
              name: `Blocked ${i}`,
              shortName: `B${i}`,
              type: 'other',
            }),
          ),
        )
        await vi.waitFor(async () => expect(await waiting()).toBe(5), { timeout: 10_000, interval: 50 })
        // All five are parked inside their transactions: nothing of theirs is committed.
        expect(await entryCount()).toBe(before)
        const { rows } = await holder.query(`select 1 from organisations where name like 'Blocked %'`)
        expect(rows).toHaveLength(0)
      } finally {
        await holder.query('select pg_advisory_unlock($1::bigint)', [AUDIT_LOCK_KEY])
        await holder.end()
      }
      expect(new Set(await writes).size).toBe(5)
      expect(await entryCount()).toBe(before + 5)
      expect(await forks()).toEqual([])
      expect(await t.deps.services.audit.verify()).toEqual({ ok: true, entries: before + 5 })
    })
  }
})
