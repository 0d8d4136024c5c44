import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Risk panels part 2: the interventions directory (services partners offer, and the panels each
// serves), intervention episodes per subject with the outcome of the referral between services, and
// outcome events per subject (the inputs of the cohort report). Episodes and events belong to the
// panel that recorded them, which is whom they are read by (docs/adr/0036). Notes and offence
// groups are sealed (docs/adr/0027); only what is counted is kept in the clear.
export function casesInterventions(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('case_interventions'), dialect)
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('provider_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
          /** enforcement, prevention or diversion. */
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('eligibility', 'text', (c) => c.notNull())
          .addColumn('referral_route', 'text', (c) => c.notNull())
          /** Places the service offers at once; null where it sets no limit. */
          .addColumn('places', 'integer')
          .addColumn('contact', 'text', (c) => c.notNull()),
      ).execute()

      await withId(db.schema.createTable('case_intervention_panels'), dialect)
        .addColumn('intervention_id', 'integer', (c) =>
          c.notNull().references('case_interventions.id').onDelete('cascade'),
        )
        .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id').onDelete('cascade'))
        .addUniqueConstraint('case_intervention_panels_pair', ['intervention_id', 'panel_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_intervention_episodes'), dialect)
          .addColumn('subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
          .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id'))
          .addColumn('intervention_id', 'integer', (c) => c.notNull().references('case_interventions.id'))
          .addColumn('referred_on', 'text', (c) => c.notNull())
          /** pending, accepted, rejected or done: the receiving service's answer. */
          .addColumn('referral_outcome', 'text', (c) => c.notNull())
          .addColumn('outcome_on', 'text')
          /** A reason code where the referral or the episode did not succeed. */
          .addColumn('reason_code', 'text')
          .addColumn('started_on', 'text')
          .addColumn('ended_on', 'text')
          /** completed, disengaged or declined. */
          .addColumn('ending', 'text')
          .addColumn('notes_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('case_intervention_episodes_subject')
        .on('case_intervention_episodes')
        .column('subject_id')
        .execute()
      await db.schema
        .createIndex('case_intervention_episodes_intervention')
        .on('case_intervention_episodes')
        .column('intervention_id')
        .execute()

      await withId(db.schema.createTable('case_outcome_events'), dialect)
        .addColumn('subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id'))
        /** One of the cohort report's kinds (rules/cohort-outcomes.ts). */
        .addColumn('kind', 'text', (c) => c.notNull())
        /** The day it happened; for a proven reoffence, the day of the offence. */
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('proven_on', 'text')
        .addColumn('offence_group_sealed', 'text')
        .addColumn('notes_sealed', 'text')
        .addColumn('recorded_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_outcome_events_panel_subject')
        .on('case_outcome_events')
        .columns(['panel_id', 'subject_id'])
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('case_outcome_events').execute()
      await db.schema.dropTable('case_intervention_episodes').execute()
      await db.schema.dropTable('case_intervention_panels').execute()
      await db.schema.dropTable('case_interventions').execute()
    },
  }
}
