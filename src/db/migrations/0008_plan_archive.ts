import type { DatabaseDialect } from '../../config.ts'
import type { AnyDb } from './helpers.ts'

// Themes, actions and deliverables leave a plan by being archived, never deleted: their progress
// history and their ids (which people bookmark and e-mail) must survive a re-import or a removal.
// A row is live while archived_at is NULL.
const TABLES = ['plan_themes', 'plan_actions', 'deliverables'] as const

export function planArchive(_dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      for (const table of TABLES) {
        await db.schema.alterTable(table).addColumn('archived_at', 'text').execute()
        await db.schema.alterTable(table).addColumn('archived_reason', 'text').execute()
        await db.schema.alterTable(table).addColumn('archived_by', 'text').execute()
      }
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of TABLES) {
        await db.schema.alterTable(table).dropColumn('archived_by').execute()
        await db.schema.alterTable(table).dropColumn('archived_reason').execute()
        await db.schema.alterTable(table).dropColumn('archived_at').execute()
      }
    },
  }
}
