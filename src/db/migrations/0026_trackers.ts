import type { CreateTableBuilder } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// The trackers: events of risk, community tension assessments, police activity and critical
// incidents with their response checklist and timeline. A place is a ward or LSOA (ONS code and
// name), a point (latitude, longitude) or free text; nothing here is about a named person.
export function trackers(dialect: DatabaseDialect) {
  /** place_kind is ward, lsoa, point or text; place_name is what the partnership calls it. */
  const withPlace = (table: CreateTableBuilder<string, 'id'>) =>
    table
      .addColumn('place_kind', 'text', (c) => c.notNull())
      .addColumn('place_code', 'text')
      .addColumn('place_name', 'text', (c) => c.notNull())
      .addColumn('latitude', 'real')
      .addColumn('longitude', 'real')

  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withPlace(withId(db.schema.createTable('tracker_events'), dialect))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('event_type', 'text', (c) => c.notNull())
          .addColumn('starts_on', 'text', (c) => c.notNull())
          .addColumn('ends_on', 'text')
          /** low, medium or high. */
          .addColumn('risk_level', 'text', (c) => c.notNull())
          .addColumn('description', 'text')
          .addColumn('plan', 'text')
          .addColumn('outcome', 'text'),
      ).execute()
      await db.schema.createIndex('tracker_events_starts').on('tracker_events').column('starts_on').execute()

      await withId(db.schema.createTable('tracker_event_partners'), dialect)
        .addColumn('event_id', 'integer', (c) =>
          c.notNull().references('tracker_events.id').onDelete('cascade'),
        )
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addUniqueConstraint('tracker_event_partners_pair', ['event_id', 'organisation_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('tension_assessments'), dialect)
          /** ward, or area for the whole partnership area (area_code null). */
          .addColumn('area_kind', 'text', (c) => c.notNull())
          .addColumn('area_code', 'text')
          .addColumn('area_name', 'text', (c) => c.notNull())
          .addColumn('assessed_on', 'text', (c) => c.notNull())
          /** 1 (no tension) to 5 (critical). */
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('summary', 'text')
          .addColumn('actions', 'text'),
      ).execute()
      await db.schema
        .createIndex('tension_assessments_area')
        .on('tension_assessments')
        .columns(['area_name', 'assessed_on'])
        .execute()

      await withId(db.schema.createTable('tension_indicators'), dialect)
        .addColumn('assessment_id', 'integer', (c) =>
          c.notNull().references('tension_assessments.id').onDelete('cascade'),
        )
        /** incidents, social-media, intelligence or community-feedback. */
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('tension_indicators_one', ['assessment_id', 'indicator'])
        .execute()

      await withId(db.schema.createTable('tension_contributions'), dialect)
        .addColumn('assessment_id', 'integer', (c) =>
          c.notNull().references('tension_assessments.id').onDelete('cascade'),
        )
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('note', 'text', (c) => c.notNull())
        .execute()

      await withTimestamps(
        withPlace(withId(db.schema.createTable('police_activities'), dialect))
          .addColumn('activity_on', 'text', (c) => c.notNull())
          .addColumn('tactic', 'text', (c) => c.notNull())
          .addColumn('operation', 'text')
          /** Weapons recovered: null when not counted, which is not the same as none. */
          .addColumn('weapons_recovered', 'integer')
          .addColumn('result_note', 'text'),
      ).execute()
      await db.schema
        .createIndex('police_activities_day')
        .on('police_activities')
        .column('activity_on')
        .execute()

      await withId(db.schema.createTable('police_activity_partners'), dialect)
        .addColumn('activity_id', 'integer', (c) =>
          c.notNull().references('police_activities.id').onDelete('cascade'),
        )
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addUniqueConstraint('police_activity_partners_pair', ['activity_id', 'organisation_id'])
        .execute()

      await withTimestamps(
        withPlace(withId(db.schema.createTable('critical_incidents'), dialect))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('occurred_on', 'text', (c) => c.notNull())
          .addColumn('summary', 'text')
          /** open or closed. */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('closed_on', 'text'),
      ).execute()

      await withId(db.schema.createTable('critical_incident_checklist'), dialect)
        .addColumn('incident_id', 'integer', (c) =>
          c.notNull().references('critical_incidents.id').onDelete('cascade'),
        )
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('done_by', 'text')
        .addColumn('done_on', 'text')
        .addColumn('note', 'text')
        .addUniqueConstraint('critical_incident_checklist_item', ['incident_id', 'item'])
        .execute()

      await withId(db.schema.createTable('critical_incident_timeline'), dialect)
        .addColumn('incident_id', 'integer', (c) =>
          c.notNull().references('critical_incidents.id').onDelete('cascade'),
        )
        /** London time, YYYY-MM-DDTHH:MM. */
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .execute()

      /** A link to a tension assessment (assessment_id) or to a tasking (tasking_id, the tasking module's id). */
      await withId(db.schema.createTable('critical_incident_links'), dialect)
        .addColumn('incident_id', 'integer', (c) =>
          c.notNull().references('critical_incidents.id').onDelete('cascade'),
        )
        .addColumn('assessment_id', 'integer', (c) => c.references('tension_assessments.id'))
        .addColumn('tasking_id', 'integer')
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'critical_incident_links',
        'critical_incident_timeline',
        'critical_incident_checklist',
        'critical_incidents',
        'police_activity_partners',
        'police_activities',
        'tension_contributions',
        'tension_indicators',
        'tension_assessments',
        'tracker_event_partners',
        'tracker_events',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
