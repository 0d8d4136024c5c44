import type { ColumnDefinitionBuilder } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Risk panels: Channel's Vulnerability Assessment Framework over time, consent and support, and
// MASE's linked locations and disruption actions (docs/adr/0039). What a person said, a place, a
// note and who gave consent are sealed (columns ending _sealed, ADR 0027); the dates, types and
// statuses the pages sort and count by stay in the clear. A location's _index is a keyed hash of
// the place, so the panel's problem profile finds a place shared by two children without the text.
export function casesChannelMase(dialect: DatabaseDialect) {
  const referral = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('case_referrals.id').onDelete('cascade')
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('case_vaf_assessments'), dialect)
        .addColumn('referral_id', 'integer', referral)
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('assessed_by_user_id', 'integer', (c) => c.references('users.id'))
        /** Sealed JSON: every factor's status and note. */
        .addColumn('ratings_sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_vaf_assessments_referral')
        .on('case_vaf_assessments')
        .columns(['referral_id', 'assessed_on'])
        .execute()

      await withId(db.schema.createTable('case_channel_consents'), dialect)
        .addColumn('referral_id', 'integer', referral)
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('given_by', 'text', (c) => c.notNull())
        .addColumn('decided_on', 'text', (c) => c.notNull())
        /** Sealed: who obtained it (name and role), and any note. */
        .addColumn('obtained_by_sealed', 'text', (c) => c.notNull())
        .addColumn('note_sealed', 'text')
        .addColumn('recorded_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_channel_consents_referral')
        .on('case_channel_consents')
        .column('referral_id')
        .execute()

      await withId(db.schema.createTable('case_channel_support'), dialect)
        .addColumn('referral_id', 'integer', referral)
        .addColumn('support_type', 'text', (c) => c.notNull())
        /** Sealed: the intervention provider (for some, naming it says what the support is). */
        .addColumn('provider_sealed', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_channel_support_referral')
        .on('case_channel_support')
        .column('referral_id')
        .execute()

      await withId(db.schema.createTable('case_mase_locations'), dialect)
        .addColumn('referral_id', 'integer', referral)
        .addColumn('location_type', 'text', (c) => c.notNull())
        .addColumn('place_sealed', 'text', (c) => c.notNull())
        .addColumn('place_index', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_mase_locations_place')
        .on('case_mase_locations')
        .columns(['place_index', 'referral_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_mase_disruptions'), dialect)
          .addColumn('referral_id', 'integer', referral)
          .addColumn('disruption_type', 'text', (c) => c.notNull())
          .addColumn('owner_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
          .addColumn('due_on', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('detail_sealed', 'text', (c) => c.notNull())
          .addColumn('result_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('case_mase_disruptions_referral')
        .on('case_mase_disruptions')
        .column('referral_id')
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'case_mase_disruptions',
        'case_mase_locations',
        'case_channel_support',
        'case_channel_consents',
        'case_vaf_assessments',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
