import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely'
import type { DatabaseDialect } from '../config.ts'
import type { Db } from './database.ts'
import { foundation } from './migrations/0001_foundation.ts'
import { auditLogNoTruncate } from './migrations/0002_audit_log_no_truncate.ts'

// Listed in code rather than read from a folder so the set is the same under tsx,
// vitest and a bundled build. Each migration may differ by dialect, never in meaning.
function migrationsFor(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    '0001_foundation': foundation(dialect),
    '0002_audit_log_no_truncate': auditLogNoTruncate(dialect),
  }
}

function migrator(db: Db, dialect: DatabaseDialect): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) }
  return new Migrator({ db, provider })
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`)
}

export async function migrateToLatest(db: Db, dialect: DatabaseDialect): Promise<string[]> {
  return check(await migrator(db, dialect).migrateToLatest())
}

/** Runs every migration's down step: an empty database, ready to migrate again. */
export async function migrateToNothing(db: Db, dialect: DatabaseDialect): Promise<string[]> {
  return check(await migrator(db, dialect).migrateTo(NO_MIGRATIONS))
}
