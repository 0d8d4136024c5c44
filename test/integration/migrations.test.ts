import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseDialect } from '../../src/config.ts'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest, migrateToNothing } from '../../src/db/migrate.ts'
import { createServices } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// The foundation's tables; later migrations add more, and every one of them must go on the way down.
const FOUNDATION_TABLES = [
  'api_tokens',
  'audit_log',
  'organisations',
  'people',
  'sessions',
  'sign_in_throttle',
  'users',
]
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']
const AUDIT_TRIGGERS: Record<DatabaseDialect, string[]> = {
  sqlite: ['audit_log_no_delete', 'audit_log_no_update'],
  postgres: ['audit_log_no_change', 'audit_log_no_truncate'],
}

/** Tables in this test's own database (on PostgreSQL, only its own schema: other test files share the server). */
async function tableNames(handle: DatabaseHandle, dialect: DatabaseDialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{
          name: string
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          handle.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(handle.db)
  return rows.map((r) => r.name).sort()
}

async function auditTriggers(handle: DatabaseHandle, dialect: DatabaseDialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{
          name: string
        }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(
          handle.db,
        )
      : // information_schema.triggers leaves out TRUNCATE triggers; pg_trigger has them all.
        await sql<{ name: string }>`select tgname as name from pg_trigger
          where tgrelid = 'audit_log'::regclass and not tgisinternal`.execute(handle.db)
  return rows.map((r) => r.name).sort()
}

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: TestDatabase
  let handle: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    handle = openDatabase(database.url, { schema: database.schema })
  })
  afterAll(async () => {
    await handle?.close()
    await database?.drop()
  })

  it('migrates an empty database up, down to nothing with data in it, and up again', async () => {
    expect(handle.dialect).toBe(dialect)
    expect(await tableNames(handle, dialect)).toEqual([])

    const applied = await migrateToLatest(handle.db, dialect)
    expect(applied.slice(0, 2)).toEqual(['applied 0001_foundation', 'applied 0002_audit_log_no_truncate'])
    expect(applied).toEqual([...applied].sort())
    const tablesUp = await tableNames(handle, dialect)
    expect(tablesUp).toEqual(expect.arrayContaining([...FOUNDATION_TABLES, ...MIGRATION_TABLES]))
    expect(await auditTriggers(handle, dialect)).toEqual(AUDIT_TRIGGERS[dialect])
    // Already up to date: a second run applies nothing.
    expect(await migrateToLatest(handle.db, dialect)).toEqual([])

    // Down with rows in every table that references another, as `safer demo` does on a used database.
    const services = createServices(handle, testConfig(database.url))
    const organisationId = await services.partners.createOrganisation(TEST_ACTOR, {
      name: 'Down Council',
      shortName: 'DC',
      type: 'council',
    })
    await services.partners.createPerson(TEST_ACTOR, { name: 'Pat Person', organisationId })
    await services.users.create(TEST_ACTOR, {
      email: 'down@test.example',
      name: 'Down User',
      organisationId,
      role: 'viewer',
      password: 'testing-password-long-enough',
    })
    expect(await services.audit.verify()).toEqual({ ok: true, entries: 3 })

    // Every migration reverted, newest first, and nothing of theirs left behind.
    expect(await migrateToNothing(handle.db, dialect)).toEqual(
      applied.map((a) => a.replace('applied', 'reverted')).reverse(),
    )
    expect(await tableNames(handle, dialect)).toEqual(MIGRATION_TABLES)
    if (dialect === 'postgres') {
      // The trigger function goes with the table, so the next `up` can create it again.
      const { rows } = await sql<{
        n: number
      }>`select count(*) as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = current_schema() and p.proname = 'audit_log_append_only'`.execute(handle.db)
      expect(rows[0]?.n).toBe(0)
    }

    expect(await migrateToLatest(handle.db, dialect)).toEqual(applied)
    expect(await tableNames(handle, dialect)).toEqual(tablesUp)
    expect(await auditTriggers(handle, dialect)).toEqual(AUDIT_TRIGGERS[dialect])
    // Everything starts again from empty: no rows, ids from 1, a new chain from the genesis hash.
    expect(await services.partners.listOrganisations()).toEqual([])
    expect(await services.audit.verify()).toEqual({ ok: true, entries: 0 })
    const again = await services.partners.createOrganisation(TEST_ACTOR, {
      name: 'Down Council',
      shortName: 'DC',
      type: 'council',
    })
    expect(again).toBe(1)
    expect(await services.audit.verify()).toEqual({ ok: true, entries: 1 })
  })
})

describe.each(DIALECTS)('the audit log is append-only in the database on %s', (dialect) => {
  let database: TestDatabase
  let handle: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    handle = openDatabase(database.url, { schema: database.schema })
    await migrateToLatest(handle.db, dialect)
    const services = createServices(handle, testConfig(database.url))
    await services.partners.createOrganisation(TEST_ACTOR, {
      name: 'Append Council',
      shortName: 'AC',
      type: 'council',
    })
    await services.partners.createOrganisation(TEST_ACTOR, {
      name: 'Only Council',
      shortName: 'OC',
      type: 'council',
    })
  })
  afterAll(async () => {
    await handle?.close()
    await database?.drop()
  })

  async function rows() {
    return handle.db.selectFrom('audit_log').select(['id', 'actor', 'detail', 'hash']).orderBy('id').execute()
  }

  it('accepts new entries', async () => {
    const stored = await rows()
    expect(stored).toHaveLength(2)
    expect(stored.map((r) => r.actor)).toEqual(['test setup', 'test setup'])
  })

  it('refuses an UPDATE, however it is written', async () => {
    const before = await rows()
    await expect(
      handle.db.updateTable('audit_log').set({ actor: 'someone else' }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/audit_log is append-only/)
    await expect(sql`update audit_log set detail = '{}'`.execute(handle.db)).rejects.toThrow(
      /audit_log is append-only/,
    )
    expect(await rows()).toEqual(before)
  })

  it('refuses a DELETE of one entry or of all of them', async () => {
    const before = await rows()
    await expect(handle.db.deleteFrom('audit_log').where('id', '=', 2).execute()).rejects.toThrow(
      /audit_log is append-only/,
    )
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/audit_log is append-only/)
    expect(await rows()).toEqual(before)
  })

  // SQLite has no TRUNCATE: emptying a table there is a DELETE, refused above.
  if (dialect === 'postgres') {
    it('refuses a TRUNCATE', async () => {
      const before = await rows()
      await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/audit_log is append-only/)
      expect(await rows()).toEqual(before)
    })
  }

  it('leaves a chain that still verifies after the refused changes', async () => {
    const services = createServices(handle, testConfig(database.url))
    expect(await services.audit.verify()).toEqual({ ok: true, entries: 2 })
  })
})

// Other schemas in the same PostgreSQL database (another install, or another test file running at the
// same time) have their own kysely_migration tables; they must not be taken for this schema's.
if (DIALECTS.includes('postgres')) {
  describe('migrations on postgres beside another migrated schema', () => {
    let database: TestDatabase
    let neighbour: TestDatabase
    let handle: DatabaseHandle
    let neighbourHandle: DatabaseHandle

    beforeAll(async () => {
      neighbour = await createTestDatabase('postgres')
      neighbourHandle = openDatabase(neighbour.url, { schema: neighbour.schema })
      await migrateToLatest(neighbourHandle.db, 'postgres')
      database = await createTestDatabase('postgres')
      handle = openDatabase(database.url, { schema: database.schema })
    })
    afterAll(async () => {
      await handle?.close()
      await neighbourHandle?.close()
      await database?.drop()
      await neighbour?.drop()
    })

    it('makes its own migration tables and applies every migration, up and down', async () => {
      const applied = await migrateToLatest(handle.db, 'postgres')
      expect(applied[0]).toBe('applied 0001_foundation')
      expect(await tableNames(handle, 'postgres')).toEqual(
        expect.arrayContaining([...FOUNDATION_TABLES, ...MIGRATION_TABLES]),
      )
      const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(handle.db)
      expect(rows[0]?.n).toBe(applied.length)

      expect(await migrateToNothing(handle.db, 'postgres')).toHaveLength(applied.length)
      expect(await tableNames(handle, 'postgres')).toEqual(MIGRATION_TABLES)
      // The neighbour is as it was: every migration still applied there, its tables all in place.
      expect(await migrateToLatest(neighbourHandle.db, 'postgres')).toEqual([])
      expect(await tableNames(neighbourHandle, 'postgres')).toEqual(expect.arrayContaining(FOUNDATION_TABLES))
    })
  })
}
