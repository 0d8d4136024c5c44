import type { CreateTableBuilder, Kysely } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema as it was, not today's types
export type AnyDb = Kysely<any>

/** An integer primary key that numbers itself: serial on PostgreSQL, autoincrement on SQLite. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DatabaseDialect) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
}

/** The columns every record people edit carries: who-when is in the audit log, these are for concurrency. */
export function withTimestamps<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
}
