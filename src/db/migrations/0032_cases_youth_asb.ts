import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Risk panels, part 2 (ADR 0038): the youth and knife crime panels' shared risk level, risk reviews and
// agreed options; transitions to adult services; the Community MARAC's ASB case review applications
// with their complaints and clocks. Free text and anything naming a person or place is sealed
// (ADR 0027); the dates, levels and flags the lists and clocks query stay in the clear. The applicant
// and the location are found again by blind index only. Booleans are 0 or 1 on both databases.
export function casesYouthAsb(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      // A panel's own settings for this part: the transition lead (youth panels), the threshold and
      // clocks (Community MARAC). Null means the rules' defaults.
      await withTimestamps(
        withId(db.schema.createTable('case_youth_asb_settings'), dialect)
          .addColumn('panel_id', 'integer', (c) => c.notNull().unique().references('case_panels.id'))
          .addColumn('transition_lead_months', 'integer')
          .addColumn('asb_threshold', 'text')
          .addColumn('asb_clock_days', 'text'),
      ).execute()

      await withId(db.schema.createTable('case_risk_reviews'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('reviewed_on', 'text', (c) => c.notNull())
        .addColumn('risk_level', 'text', (c) => c.notNull())
        /** JSON list of whom the risk is to: categories, not people. */
        .addColumn('risk_to', 'text', (c) => c.notNull())
        .addColumn('risk_factors_sealed', 'text', (c) => c.notNull())
        .addColumn('protective_factors_sealed', 'text', (c) => c.notNull())
        .addColumn('reviewed_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_risk_reviews_referral')
        .on('case_risk_reviews')
        .columns(['referral_id', 'reviewed_on'])
        .execute()

      await withId(db.schema.createTable('case_risk_options'), dialect)
        .addColumn('review_id', 'integer', (c) =>
          c.notNull().references('case_risk_reviews.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('option_sealed', 'text', (c) => c.notNull())
        /** A service in the interventions directory, once there is one: no foreign key, it is another part's table. */
        .addColumn('intervention_service_id', 'integer')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_risk_options_review')
        .on('case_risk_options')
        .column('review_id')
        .execute()

      await withId(db.schema.createTable('case_transitions'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        .addColumn('to_panel_id', 'integer', (c) => c.references('case_panels.id'))
        .addColumn('to_service_sealed', 'text')
        .addColumn('transferred_on', 'text', (c) => c.notNull())
        .addColumn('note_sealed', 'text')
        .addColumn('recorded_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_transitions_referral')
        .on('case_transitions')
        .columns(['referral_id', 'subject_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_asb_applications'), dialect)
          .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id'))
          .addColumn('applicant_subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
          .addColumn('applicant_index', 'text', (c) => c.notNull())
          .addColumn('on_behalf_sealed', 'text')
          .addColumn('received_on', 'text', (c) => c.notNull())
          .addColumn('location_sealed', 'text', (c) => c.notNull())
          .addColumn('location_index', 'text', (c) => c.notNull())
          .addColumn('acknowledged_on', 'text')
          .addColumn('decided_on', 'text')
          .addColumn('threshold_met', 'integer')
          .addColumn('decision_reason_sealed', 'text')
          .addColumn('met_on', 'text')
          .addColumn('recommendations_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('case_asb_applications_panel')
        .on('case_asb_applications')
        .columns(['panel_id', 'received_on'])
        .execute()
      await db.schema
        .createIndex('case_asb_applications_applicant')
        .on('case_asb_applications')
        .column('applicant_index')
        .execute()
      await db.schema
        .createIndex('case_asb_applications_location')
        .on('case_asb_applications')
        .column('location_index')
        .execute()

      await withId(db.schema.createTable('case_asb_complaints'), dialect)
        .addColumn('application_id', 'integer', (c) =>
          c.notNull().references('case_asb_applications.id').onDelete('cascade'),
        )
        .addColumn('reported_on', 'text', (c) => c.notNull())
        .addColumn('incident_on', 'text')
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('hate_incident', 'integer', (c) => c.notNull())
        /** The household complaining, as the applicant named it: sealed, compared only once opened. */
        .addColumn('household_sealed', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_asb_complaints_application')
        .on('case_asb_complaints')
        .column('application_id')
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'case_asb_complaints',
        'case_asb_applications',
        'case_transitions',
        'case_risk_options',
        'case_risk_reviews',
        'case_youth_asb_settings',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
