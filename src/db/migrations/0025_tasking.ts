import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Tasking: the monthly tasking meeting with its intelligence briefing (a snapshot of the figures as
// generated), the analyst's commentary, who attended for which organisation, and the taskings to
// partner organisations against a place, with their outcomes and carry-over.
export function tasking(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      // One row at most: the partnership's tasking settings. No row means the defaults.
      await db.schema
        .createTable('tasking_settings')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        /** JSON arrays: the serious violence definition's crime types in each source's own words. */
        .addColumn('police_uk_types', 'text', (c) => c.notNull())
        .addColumn('recorded_categories', 'text', (c) => c.notNull())
        .addColumn('hotspot_count', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('tasking_meetings'), dialect)
          /** YYYY-MM: the month the briefing covers; one meeting a month. */
          .addColumn('month', 'text', (c) => c.notNull().unique())
          .addColumn('meeting_date', 'text', (c) => c.notNull())
          /** The ONS area the briefing is for; null means the partnership's home area. */
          .addColumn('area_code', 'text')
          .addColumn('area_name', 'text')
          .addColumn('chair_person_id', 'integer', (c) => c.references('people.id'))
          .addColumn('status', 'text', (c) => c.notNull()),
      ).execute()

      await withId(db.schema.createTable('tasking_attendees'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().references('tasking_meetings.id').onDelete('cascade'),
        )
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('person_id', 'integer', (c) => c.references('people.id'))
        .execute()
      await db.schema
        .createIndex('tasking_attendees_meeting')
        .on('tasking_attendees')
        .column('meeting_id')
        .execute()

      await withId(db.schema.createTable('tasking_briefings'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().unique().references('tasking_meetings.id').onDelete('cascade'),
        )
        .addColumn('generated_at', 'text', (c) => c.notNull())
        /** JSON: every figure exactly as computed, with the crime data's as-at. */
        .addColumn('figures', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('tasking_commentary'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().references('tasking_meetings.id').onDelete('cascade'),
        )
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('tasking_commentary_section', ['meeting_id', 'section'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('taskings'), dialect)
          .addColumn('raised_at_meeting_id', 'integer', (c) =>
            c.notNull().references('tasking_meetings.id').onDelete('cascade'),
          )
          /** The partner organisation tasked, which owns the tasking. */
          .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
          .addColumn('officer_person_id', 'integer', (c) => c.references('people.id'))
          /** lsoa, ward, street or point (a cohort, through the risk panels, is to come). */
          .addColumn('place_kind', 'text', (c) => c.notNull())
          .addColumn('place_code', 'text')
          .addColumn('place_name', 'text', (c) => c.notNull())
          .addColumn('latitude', 'double precision')
          .addColumn('longitude', 'double precision')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('expected_result', 'text', (c) => c.notNull())
          .addColumn('actual_result', 'text')
          .addColumn('due_date', 'text', (c) => c.notNull())
          /** open, done, not-done or carried-over. */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('not_done_reason', 'text')
          /** The meeting at which its outcome was recorded. */
          .addColumn('resolved_at_meeting_id', 'integer', (c) => c.references('tasking_meetings.id'))
          /** The last meeting that reviewed it and carried it over. */
          .addColumn('carried_over_at_meeting_id', 'integer', (c) => c.references('tasking_meetings.id')),
      ).execute()
      await db.schema
        .createIndex('taskings_raised_at')
        .on('taskings')
        .column('raised_at_meeting_id')
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'taskings',
        'tasking_commentary',
        'tasking_briefings',
        'tasking_attendees',
        'tasking_meetings',
        'tasking_settings',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
