import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Each time the reminders went out. A scheduled run claims its window (the week's "monday 08:00")
// by inserting it; the unique constraint is what stops a restarted server, or a second one,
// sending the same week's reminders twice. Runs by hand have no window.
export function reminderRuns(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('reminder_runs'), dialect)
        .addColumn('scheduled_for', 'text', (c) => c.unique())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_by', 'text', (c) => c.notNull())
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('reminder_runs').execute()
    },
  }
}
