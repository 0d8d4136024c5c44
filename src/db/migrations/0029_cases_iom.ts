import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Integrated Offender Management on the risk panels (docs/adr/0035): offences recorded on a subject,
// the panel's scoring matrix, candidate decisions, cohort memberships and pathways. Each row names a
// subject by id only; free text is sealed (_sealed columns, docs/adr/0027). Offence dates, groups and
// Home Office codes, cohort types, dates and pathway levels stay in the clear: they are what the score,
// the eligibility check and the cohort board compute from, and without the sealed identity they say
// nothing of who the person is.
export function casesIom(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('iom_offences'), dialect)
          .addColumn('panel_id', 'integer', (c) =>
            c.notNull().references('case_panels.id').onDelete('cascade'),
          )
          .addColumn('subject_id', 'integer', (c) =>
            c.notNull().references('case_subjects.id').onDelete('cascade'),
          )
          .addColumn('offence_date', 'text', (c) => c.notNull())
          .addColumn('offence_group', 'text', (c) => c.notNull())
          .addColumn('home_office_code', 'text')
          /** Sealed: where the offence is known from (a PNC print, a court result) in the recorder's words. */
          .addColumn('source_note_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('iom_offences_panel_subject')
        .on('iom_offences')
        .columns(['panel_id', 'subject_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('iom_settings'), dialect)
          .addColumn('panel_id', 'integer', (c) =>
            c.notNull().unique().references('case_panels.id').onDelete('cascade'),
          )
          /** JSON: the scoring matrix and eligibility rules; no personal data. */
          .addColumn('settings', 'text', (c) => c.notNull()),
      ).execute()

      await withId(db.schema.createTable('iom_candidate_decisions'), dialect)
        .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id').onDelete('cascade'))
        .addColumn('subject_id', 'integer', (c) =>
          c.notNull().references('case_subjects.id').onDelete('cascade'),
        )
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('decided_on', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('reason_sealed', 'text', (c) => c.notNull())
        .addColumn('decided_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('iom_candidate_decisions_panel_subject')
        .on('iom_candidate_decisions')
        .columns(['panel_id', 'subject_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('iom_cohort_memberships'), dialect)
          .addColumn('panel_id', 'integer', (c) =>
            c.notNull().references('case_panels.id').onDelete('cascade'),
          )
          .addColumn('subject_id', 'integer', (c) =>
            c.notNull().references('case_subjects.id').onDelete('cascade'),
          )
          .addColumn('cohort', 'text', (c) => c.notNull())
          .addColumn('selected_on', 'text', (c) => c.notNull())
          .addColumn('selection_reason_sealed', 'text', (c) => c.notNull())
          /** Computed from the clear offence groups and dates, so it says no more than they do. */
          .addColumn('eligibility', 'text', (c) => c.notNull())
          .addColumn('deselected_on', 'text')
          .addColumn('deselection_reason', 'text')
          .addColumn('deselection_note_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('iom_cohort_memberships_panel_subject')
        .on('iom_cohort_memberships')
        .columns(['panel_id', 'subject_id'])
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('iom_pathways'), dialect)
          .addColumn('panel_id', 'integer', (c) =>
            c.notNull().references('case_panels.id').onDelete('cascade'),
          )
          .addColumn('subject_id', 'integer', (c) =>
            c.notNull().references('case_subjects.id').onDelete('cascade'),
          )
          .addColumn('pathway', 'text', (c) => c.notNull())
          .addColumn('need', 'text', (c) => c.notNull())
          .addColumn('progress', 'text')
          .addColumn('reviewed_on', 'text', (c) => c.notNull())
          /** Sealed: the need and what is being done about it, in the keyworker's words. */
          .addColumn('note_sealed', 'text')
          .addUniqueConstraint('iom_pathways_one_each', ['panel_id', 'subject_id', 'pathway']),
      ).execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'iom_pathways',
        'iom_cohort_memberships',
        'iom_candidate_decisions',
        'iom_settings',
        'iom_offences',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
