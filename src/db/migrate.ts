import {
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
  sql,
} from 'kysely'
import type { DatabaseDialect } from '../config.ts'
import { MODULES } from '../modules/index.ts'
import type { SaferModule } from '../modules/module.ts'
import type { Db } from './database.ts'
import { foundation } from './migrations/0001_foundation.ts'

// Listed in code rather than read from a folder so the set is the same under tsx,
// vitest and a bundled build. Each migration may differ by dialect, never in meaning.
// The foundation (organisations, people, users, sessions, the audit log) came before modules had
// migrations of their own, and every module stands on it; the rest are the modules'.
function migrationsFor(dialect: DatabaseDialect, modules: readonly SaferModule[]): Record<string, Migration> {
  const migrations: Record<string, Migration> = { '0001_foundation': foundation(dialect) }
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in migrations)
        throw new Error(
          `Two migrations are named ${name}: the ${module.name} module's must take another number`,
        )
      migrations[name] = migration(dialect)
    }
  }
  return migrations
}

async function migrator(
  db: Db,
  dialect: DatabaseDialect,
  modules: readonly SaferModule[],
): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect, modules) }
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
  if (!schema)
    throw new Error(
      'PostgreSQL has no schema to create tables in: check that the search_path names one that exists',
    )
  return schema
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error
  return (result.results ?? []).map(
    (r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`,
  )
}

/** SQLSTATEs of a catalogue read that met a schema or table dropped while it ran. */
const VANISHED = new Set(['3F000', '42P01'])

export async function migrateToLatest(
  db: Db,
  dialect: DatabaseDialect,
  modules: readonly SaferModule[] = MODULES,
): Promise<string[]> {
  // Kysely finds its migration tables by reading the catalogue of every schema, resolving each
  // table's name as it goes; a schema or table dropped by someone else in that instant (another
  // install being removed, another test file finishing) fails the read with "schema … does not
  // exist" (SQLSTATE 3F000) or "relation … does not exist" (42P01). Migrations run in one
  // transaction on PostgreSQL, so trying again is safe; a fault of our own still fails, on the last try.
  for (let attempt = 1; ; attempt++) {
    try {
      return check(await (await migrator(db, dialect, modules)).migrateToLatest())
    } catch (error) {
      if (dialect !== 'postgres' || !VANISHED.has(String((error as { code?: string }).code)) || attempt >= 5)
        throw error
    }
  }
}

/** Runs every migration's down step: an empty database, ready to migrate again. */
export async function migrateToNothing(
  db: Db,
  dialect: DatabaseDialect,
  modules: readonly SaferModule[] = MODULES,
): Promise<string[]> {
  return check(await (await migrator(db, dialect, modules)).migrateTo(NO_MIGRATIONS))
}
