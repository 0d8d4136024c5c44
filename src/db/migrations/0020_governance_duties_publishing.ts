import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Governance, second part: the statutory duties' evidence and due dates by partnership year; which
// meetings are public meetings; and which meetings are published to the public page.
export function governanceDutiesPublishing(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('statutory_duty_evidence'), dialect)
        /** The partnership year by its first calendar year: 2026 is April 2026 to March 2027. */
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('duty', 'text', (c) => c.notNull())
        /** meeting, document or decision. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id').onDelete('cascade'))
        .addColumn('document_title', 'text')
        .addColumn('document_link', 'text')
        /** Until decision records are built, the decision's reference as written. */
        .addColumn('decision_reference', 'text')
        .addColumn('evidenced_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('statutory_duty_evidence_year')
        .on('statutory_duty_evidence')
        .columns(['year', 'duty'])
        .execute()

      await withId(db.schema.createTable('statutory_duty_due_dates'), dialect)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('duty', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addUniqueConstraint('statutory_duty_due_dates_duty', ['year', 'duty'])
        .execute()

      await withId(db.schema.createTable('public_meetings'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().unique().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('marked_at', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('meeting_publications'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().unique().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'meeting_publications',
        'public_meetings',
        'statutory_duty_due_dates',
        'statutory_duty_evidence',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
