import type { CreateTableBuilder, Kysely } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema as it was, not today's types
type AnyDb = Kysely<any>

// Kept here rather than shared, so this migration stays independent of the others.
function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DatabaseDialect) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
}

// Crime records live in the DuckDB analytics store (docs/adr/0006). The operational database keeps
// only what other modules and people need: the history of what was loaded, and saved definitions.
export function crime(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('crime_ingests'), dialect)
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('duplicates', 'integer', (c) => c.notNull())
        .addColumn('no_location', 'integer', (c) => c.notNull())
        .addColumn('months', 'text', (c) => c.notNull())
        /** JSON: the months this file replaced and how many outcomes changed. */
        .addColumn('replaced', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('crime_ingests_at').on('crime_ingests').column('ingested_at').execute()

      await withId(db.schema.createTable('crime_definitions'), dialect)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        /** JSON arrays of the categories the definition counts. */
        .addColumn('police_uk_types', 'text', (c) => c.notNull())
        .addColumn('recorded_categories', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('crime_definitions').execute()
      await db.schema.dropTable('crime_ingests').execute()
    },
  }
}
