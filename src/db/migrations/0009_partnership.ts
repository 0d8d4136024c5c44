import { sql } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'
import type { AnyDb } from './helpers.ts'
import { withTimestamps } from './helpers.ts'

// The partnership's own settings: its name and the local authority it serves. One row at most,
// id 1, so "the partnership" is never ambiguous; an empty table means it has not been set up.
export function partnership(_dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        db.schema
          .createTable('partnership')
          .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('area_code', 'text', (c) => c.notNull())
          .addColumn('area_name', 'text', (c) => c.notNull()),
      ).execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('partnership').execute()
    },
  }
}
