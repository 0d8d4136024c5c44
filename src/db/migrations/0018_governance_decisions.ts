import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Governance: decision records as a council's committee system keeps them, and the forward plan of
// decisions to come. The call-in deadline and the day a decision takes effect are worked out when
// it is recorded and kept, so that a later change of the call-in period does not move them.
export function governanceDecisions(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('decision_records'), dialect)
          .addColumn('reference', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('decision_maker', 'text', (c) => c.notNull())
          .addColumn('decision_date', 'text', (c) => c.notNull())
          .addColumn('publication_date', 'text')
          .addColumn('key_decision', 'integer', (c) => c.notNull())
          .addColumn('subject_to_call_in', 'integer', (c) => c.notNull())
          .addColumn('call_in_deadline', 'text')
          .addColumn('takes_effect_on', 'text')
          .addColumn('purpose', 'text')
          /** JSON array of {number, text}: the decisions numbered as written. */
          .addColumn('decisions', 'text', (c) => c.notNull())
          .addColumn('reasons', 'text')
          .addColumn('alternatives', 'text')
          .addColumn('conflicts_of_interest', 'text')
          .addColumn('action_by', 'text')
          .addColumn('report_authors', 'text')
          .addColumn('contact_officer', 'text')
          .addColumn('board_id', 'integer', (c) => c.references('boards.id'))
          .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
          .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id'))
          /** JSON array of {title, link}. */
          .addColumn('documents', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull()),
      ).execute()
      await db.schema
        .createIndex('decision_records_date')
        .on('decision_records')
        .column('decision_date')
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('forward_plan_items'), dialect)
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('board_id', 'integer', (c) => c.references('boards.id'))
          .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
          .addColumn('decision_date', 'text', (c) => c.notNull())
          .addColumn('decision_maker', 'text', (c) => c.notNull())
          .addColumn('key_decision', 'integer', (c) => c.notNull())
          .addColumn('lead_officer', 'text')
          /** JSON array of titles. */
          .addColumn('documents', 'text', (c) => c.notNull())
          /** The day the item was first published on the plan: clear days' notice count from it. */
          .addColumn('notice_date', 'text', (c) => c.notNull())
          /** Why a key decision is taken with under 28 clear days' notice (the general exception). */
          .addColumn('exception_reason', 'text'),
      ).execute()
    },

    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('forward_plan_items').execute()
      await db.schema.dropTable('decision_records').execute()
    },
  }
}
