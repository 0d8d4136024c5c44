import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Governance: boards, who sits on them and whom they report to; meetings with their attendance;
// agenda items with the minutes of each, numbered resolutions and the actions arising from it.
export function governance(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('boards'), dialect)
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('terms_of_reference', 'text')
          .addColumn('terms_review_date', 'text')
          .addColumn('frequency', 'text', (c) => c.notNull())
          .addColumn('quorum', 'integer', (c) => c.notNull())
          .addColumn('chair_person_id', 'integer', (c) => c.references('people.id'))
          .addColumn('vice_chair_person_id', 'integer', (c) => c.references('people.id'))
          /** JSON array of titles: the items every new meeting's agenda carries. */
          .addColumn('standing_items', 'text', (c) => c.notNull()),
      ).execute()

      await withId(db.schema.createTable('board_reporting_lines'), dialect)
        .addColumn('board_id', 'integer', (c) => c.notNull().references('boards.id').onDelete('cascade'))
        .addColumn('reports_to_board_id', 'integer', (c) =>
          c.notNull().references('boards.id').onDelete('cascade'),
        )
        .addUniqueConstraint('board_reporting_lines_pair', ['board_id', 'reports_to_board_id'])
        .execute()

      await withId(db.schema.createTable('board_members'), dialect)
        .addColumn('board_id', 'integer', (c) => c.notNull().references('boards.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('voting', 'integer', (c) => c.notNull())
        .addColumn('from_date', 'text')
        .addColumn('to_date', 'text')
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('meetings'), dialect)
          .addColumn('board_id', 'integer', (c) => c.notNull().references('boards.id'))
          /** London time, YYYY-MM-DDTHH:MM. */
          .addColumn('starts_at', 'text', (c) => c.notNull())
          .addColumn('place', 'text')
          .addColumn('link', 'text')
          .addColumn('status', 'text', (c) => c.notNull()),
      ).execute()
      await db.schema
        .createIndex('meetings_board')
        .on('meetings')
        .columns(['board_id', 'starts_at'])
        .execute()

      await withId(db.schema.createTable('meeting_attendance'), dialect)
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        /** present or apologies. */
        .addColumn('attendance', 'text', (c) => c.notNull())
        /** The member this person attended in place of, when a substitute. */
        .addColumn('substitute_for_person_id', 'integer', (c) => c.references('people.id'))
        .addUniqueConstraint('meeting_attendance_person', ['meeting_id', 'person_id'])
        .execute()

      await withId(db.schema.createTable('agenda_items'), dialect)
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        /** item, standing or matters-arising. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('presenter_person_id', 'integer', (c) => c.references('people.id'))
        .addColumn('exempt', 'integer', (c) => c.notNull())
        .addColumn('exempt_reason', 'text')
        .addColumn('discussion', 'text')
        .addUniqueConstraint('agenda_items_number', ['meeting_id', 'number'])
        .execute()

      await withId(db.schema.createTable('resolutions'), dialect)
        .addColumn('agenda_item_id', 'integer', (c) =>
          c.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        /** As written: 1, 2, 3 or i, ii, iii. */
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addUniqueConstraint('resolutions_number', ['agenda_item_id', 'number'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('actions_arising'), dialect)
          .addColumn('agenda_item_id', 'integer', (c) => c.notNull().references('agenda_items.id'))
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('owner_person_id', 'integer', (c) => c.references('people.id'))
          .addColumn('owner_organisation_id', 'integer', (c) => c.references('organisations.id'))
          .addColumn('due_date', 'text')
          /** open or closed. */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('closed_on', 'text'),
      ).execute()
      await db.schema
        .createIndex('actions_arising_item')
        .on('actions_arising')
        .column('agenda_item_id')
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'actions_arising',
        'resolutions',
        'agenda_items',
        'meeting_attendance',
        'meetings',
        'board_members',
        'board_reporting_lines',
        'boards',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
