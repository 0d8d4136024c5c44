import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { DatabaseDialect } from '../../src/config.ts'
import { createDeps, type Deps } from '../../src/deps.ts'
import type { Checkpoint } from '../../src/modules/audit/checkpoints.ts'
import type { AuditEntryRow } from '../../src/modules/audit/tables.ts'
import { TEST_ACTOR, testConfig } from './app.ts'
import { createTestDatabase, type TestDatabase } from './databases.ts'

export const KEY_A = 'audit-key-a-'.padEnd(44, 'a')
export const KEY_B = 'audit-key-b-'.padEnd(44, 'b')

/** A database with only an audit log in it, and its own data and checkpoint folder: for attacking the log. */
export interface AuditLogFixture {
  database: TestDatabase
  dataDir: string
  /** Services on the same database with other audit settings: a restart with another key. */
  open(env?: Record<string, string>): Promise<Deps>
  deps: Deps
  close(): Promise<void>
}

export async function auditLogFixture(
  dialect: DatabaseDialect,
  env: Record<string, string> = { AUDIT_KEY: KEY_A },
): Promise<AuditLogFixture> {
  const database = await createTestDatabase(dialect)
  const dataDir = mkdtempSync(join(tmpdir(), 'safer-audit-'))
  const opened: Deps[] = []
  const open = async (more: Record<string, string> = env) => {
    const deps = await createDeps(testConfig(database.url, { DATA_DIR: dataDir, ...more }), {
      schema: database.schema,
    })
    opened.push(deps)
    return deps
  }
  const deps = await open(env)
  return {
    database,
    dataDir,
    open,
    deps,
    close: async () => {
      for (const d of opened) await d.database.close()
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Writes entries one by one, as a stream of downloads would: each commits on its own. */
export async function writeEntries(deps: Deps, count: number, label = 'entry'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await deps.services.audit.log(TEST_ACTOR, {
      action: 'test.write',
      entityType: 'test',
      entityId: i,
      detail: { label },
    })
  }
}

/** What the outside tester did first: drop the append-only triggers. */
export async function dropGuards(deps: Deps): Promise<void> {
  const db = deps.database.db
  if (deps.database.dialect === 'sqlite') {
    await sql`drop trigger if exists audit_log_no_update`.execute(db)
    await sql`drop trigger if exists audit_log_no_delete`.execute(db)
  } else {
    await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(db)
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db)
  }
}

export async function entries(deps: Deps): Promise<AuditEntryRow[]> {
  return deps.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute()
}

export function checkpointsIn(file: string): Checkpoint[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Checkpoint)
}

/**
 * Edits one entry and recomputes every later link and hash with the given algorithm: a rewrite of
 * history by someone who can write the database and knows how the chain is computed.
 */
export async function rewriteFrom(
  deps: Deps,
  id: number,
  change: Partial<AuditEntryRow>,
  hash: (prevHash: string, row: AuditEntryRow) => string,
) {
  const db = deps.database.db
  const rows = await entries(deps)
  let prevHash = rows.find((r) => r.id < id && rows[rows.indexOf(r) + 1]?.id === id)?.hash ?? '0'.repeat(64)
  for (const row of rows.filter((r) => r.id >= id)) {
    const content = { ...row, ...(row.id === id ? change : {}), prev_hash: prevHash }
    const newHash = hash(prevHash, content)
    await db
      .updateTable('audit_log')
      .set({ ...(row.id === id ? change : {}), prev_hash: prevHash, hash: newHash })
      .where('id', '=', row.id)
      .execute()
    prevHash = newHash
  }
}
