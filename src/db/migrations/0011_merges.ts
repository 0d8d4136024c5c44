import type { DatabaseDialect } from '../../config.ts'
import type { AnyDb } from './helpers.ts'

// Duplicate people and organisations are merged, not deleted: the merged-away row stays, pointing
// at the one that survives, so old links (/admin/people/57) still lead somewhere, a re-imported
// spreadsheet that spells the name the old way finds the survivor, and the survivor's page can say
// what was merged into it, when and by whom.
const TABLES = ['people', 'organisations'] as const

export function merges(_dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      for (const table of TABLES) {
        // No foreign key: SQLite cannot drop a column that has one, and the merge service is the
        // only writer (it points at a live row of the same table, always one hop).
        await db.schema.alterTable(table).addColumn('merged_into_id', 'integer').execute()
        await db.schema.alterTable(table).addColumn('merged_at', 'text').execute()
        await db.schema.alterTable(table).addColumn('merged_by', 'text').execute()
        await db.schema.createIndex(`${table}_merged_into`).on(table).column('merged_into_id').execute()
      }
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of TABLES) {
        await db.schema.dropIndex(`${table}_merged_into`).execute()
        await db.schema.alterTable(table).dropColumn('merged_by').execute()
        await db.schema.alterTable(table).dropColumn('merged_at').execute()
        await db.schema.alterTable(table).dropColumn('merged_into_id').execute()
      }
    },
  }
}
