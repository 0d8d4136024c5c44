import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Board packs: each one made is kept as a numbered version of its meeting, the file as it was
// made, so the pack a board was sent can be read again whatever has changed since.
export function governancePacks(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('board_packs'), dialect)
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
        /** 1, 2, 3 … within the meeting. */
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('made_at', 'text', (c) => c.notNull())
        .addColumn('made_by_user_id', 'integer', (c) => c.references('users.id'))
        /** The maker as the audit log names them, kept for a user later removed and for the command line. */
        .addColumn('made_by', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('circulated_at', 'text')
        .addColumn('circulated_by', 'text')
        .addUniqueConstraint('board_packs_number', ['meeting_id', 'number'])
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('board_packs').execute()
    },
  }
}
