import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, NO_MIGRATIONS, sql } from 'kysely'
import type { DatabaseDialect } from '../config.ts'
import type { Db } from './database.ts'
import { foundation } from './migrations/0001_foundation.ts'
import { auditLogNoTruncate } from './migrations/0002_audit_log_no_truncate.ts'
import { crime } from './migrations/0003_crime.ts'
import { plans } from './migrations/0004_plans.ts'
import { userPersonLink } from './migrations/0005_user_person_link.ts'
import { tokenExpiry } from './migrations/0006_token_expiry.ts'
import { signInThrottleByAddress } from './migrations/0007_sign_in_throttle_by_address.ts'

// Listed in code rather than read from a folder so the set is the same under tsx,
// vitest and a bundled build. Each migration may differ by dialect, never in meaning.
function migrationsFor(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    '0001_foundation': foundation(dialect),
    '0002_audit_log_no_truncate': auditLogNoTruncate(dialect),
    '0003_crime': crime(dialect),
    '0004_plans': plans(dialect),
    '0005_user_person_link': userPersonLink(dialect),
    '0006_token_expiry': tokenExpiry(),
    '0007_sign_in_throttle_by_address': signInThrottleByAddress(),
  }
}

async function migrator(db: Db, dialect: DatabaseDialect): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) }
  // On PostgreSQL, Kysely looks for its kysely_migration tables in every schema it can see unless it
  // is told which one: another schema's tables (another install, or another test file running at the
  // same time) would count as ours, and ours would then never be made. Name the schema this
  // connection creates tables in, as its search_path decides.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined
  // Modules add migrations independently; one numbered below an applied one must still run.
  return new Migrator({ db, provider, allowUnorderedMigrations: true, migrationTableSchema })
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  const schema = rows[0]?.schema
  if (!schema) throw new Error('PostgreSQL has no schema to create tables in: check that the search_path names one that exists')
  return schema
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`)
}

export async function migrateToLatest(db: Db, dialect: DatabaseDialect): Promise<string[]> {
  return check(await (await migrator(db, dialect)).migrateToLatest())
}

/** Runs every migration's down step: an empty database, ready to migrate again. */
export async function migrateToNothing(db: Db, dialect: DatabaseDialect): Promise<string[]> {
  return check(await (await migrator(db, dialect)).migrateTo(NO_MIGRATIONS))
}
