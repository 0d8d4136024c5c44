import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { expect } from 'vitest'
import { createCasesService } from '../../src/modules/cases/service.ts'
import { TEST_CASE_DATA_KEY } from './app.ts'
import type { CasesFixture } from './cases.ts'

/**
 * No secret in the clear: on SQLite in the database file's bytes (after a WAL checkpoint), on
 * PostgreSQL in the named tables' rows, each of which must hold something for the check to mean it.
 */
export async function expectNoPlaintext(
  f: CasesFixture,
  tables: readonly string[],
  secrets: readonly string[],
) {
  if (f.t.deps.database.sqlite) {
    f.t.deps.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(f.t.deps.config.sqlitePath)
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
    return
  }
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  await client.connect()
  try {
    const schema = f.t.database.schema as string
    for (const table of tables) {
      const { rows } = await client.query(`select * from ${schema}.${table}`)
      expect(rows.length, table).toBeGreaterThan(0)
      const text = JSON.stringify(rows)
      for (const secret of secrets) expect(text, `${table}: ${secret}`).not.toContain(secret)
    }
  } finally {
    await client.end()
  }
}

/** The cases service on the same database under a new CASE_DATA_KEY, the test key given as the previous one. */
export function casesUnderNewKey(f: CasesFixture) {
  const services = f.t.deps.services
  return createCasesService(
    f.t.deps.database.db,
    {
      ...f.t.deps.config,
      caseDataKey: randomBytes(32).toString('base64'),
      caseDataKeyPrevious: [TEST_CASE_DATA_KEY],
    },
    services.audit,
    services.users,
    services.partners,
    { now: () => f.clock.at, notifyChair: async () => undefined },
  )
}
