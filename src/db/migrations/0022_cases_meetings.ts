import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Risk panels, second part: Dash assessments on a case, panel meetings with their case lists and
// discussions, agreed actions and the victim's safety plan. Free text is sealed (columns ending
// _sealed, docs/adr/0027); what the case lists, overdue flags and the SafeLives return must query
// (dates, statuses, owners, the criteria met) stays in the clear. Booleans are 0 or 1 on both databases.
export function casesMeetings(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      // The panel's own potential-escalation threshold (incidents in 12 months), SafeLives' 3 unless set.
      await db.schema
        .alterTable('case_panels')
        .addColumn('escalation_incidents', 'integer', (c) => c.notNull().defaultTo(3))
        .execute()

      await withId(db.schema.createTable('case_assessments'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('checklist_version', 'text', (c) => c.notNull())
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('assessed_by_user_id', 'integer', (c) => c.references('users.id'))
        /** Sealed JSON: the 24 answers and the notes beside them. */
        .addColumn('answers_sealed', 'text', (c) => c.notNull())
        .addColumn('yes_count', 'integer', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('incidents_12_months', 'integer')
        .addColumn('escalation_incidents', 'integer', (c) => c.notNull())
        /** The victim's last MARAC referral found by Safer, and its date, when there was one. */
        .addColumn('last_referral_id', 'integer', (c) =>
          c.references('case_referrals.id').onDelete('set null'),
        )
        .addColumn('last_referral_on', 'text')
        .addColumn('visible_high_risk', 'integer', (c) => c.notNull())
        .addColumn('potential_escalation', 'integer', (c) => c.notNull())
        .addColumn('repeat_marac', 'integer', (c) => c.notNull())
        .addColumn('professional_judgement', 'integer', (c) => c.notNull())
        .addColumn('refer_to_marac', 'integer', (c) => c.notNull())
        /** Sealed: the reason for the professional judgement, and the criteria's reasons in words. */
        .addColumn('judgement_sealed', 'text')
        .addColumn('reasons_sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_assessments_referral')
        .on('case_assessments')
        .column('referral_id')
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_meetings'), dialect)
          .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id'))
          .addColumn('meets_on', 'text', (c) => c.notNull()),
      ).execute()
      await db.schema
        .createIndex('case_meetings_panel')
        .on('case_meetings')
        .columns(['panel_id', 'meets_on'])
        .execute()

      await withId(db.schema.createTable('case_meeting_attendees'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().references('case_meetings.id').onDelete('cascade'),
        )
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addUniqueConstraint('case_meeting_attendees_pair', ['meeting_id', 'organisation_id'])
        .execute()

      await withId(db.schema.createTable('case_meeting_cases'), dialect)
        .addColumn('meeting_id', 'integer', (c) =>
          c.notNull().references('case_meetings.id').onDelete('cascade'),
        )
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        /** new, repeat or review. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('discussion_sealed', 'text')
        .addColumn('discussed_at', 'text')
        .addColumn('next_review_on', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('case_meeting_cases_pair', ['meeting_id', 'referral_id'])
        .execute()
      await db.schema
        .createIndex('case_meeting_cases_referral')
        .on('case_meeting_cases')
        .column('referral_id')
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_actions'), dialect)
          .addColumn('referral_id', 'integer', (c) =>
            c.notNull().references('case_referrals.id').onDelete('cascade'),
          )
          .addColumn('meeting_id', 'integer', (c) => c.references('case_meetings.id').onDelete('set null'))
          .addColumn('action_sealed', 'text', (c) => c.notNull())
          .addColumn('owner_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
          .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('due_on', 'text', (c) => c.notNull())
          /** open, done or not-done. */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('result_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('case_actions_owner')
        .on('case_actions')
        .columns(['owner_user_id', 'status', 'due_on'])
        .execute()
      await db.schema.createIndex('case_actions_referral').on('case_actions').column('referral_id').execute()

      // One safety plan a case, kept current; its earlier wordings are not kept (the audit log says when it changed).
      await withTimestamps(
        withId(db.schema.createTable('case_safety_plans'), dialect)
          .addColumn('referral_id', 'integer', (c) =>
            c.notNull().unique().references('case_referrals.id').onDelete('cascade'),
          )
          .addColumn('plan_sealed', 'text', (c) => c.notNull())
          .addColumn('updated_by_user_id', 'integer', (c) => c.references('users.id')),
      ).execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'case_safety_plans',
        'case_actions',
        'case_meeting_cases',
        'case_meeting_attendees',
        'case_meetings',
        'case_assessments',
      ])
        await db.schema.dropTable(table).execute()
      await db.schema.alterTable('case_panels').dropColumn('escalation_incidents').execute()
    },
  }
}
