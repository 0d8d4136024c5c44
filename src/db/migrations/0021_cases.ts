import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId, withTimestamps } from './helpers.ts'

// Risk panels' shared case system, first part: panels with their members and information sharing
// agreement; subjects (people) found by blind index; referrals (cases) with their subjects; break-glass
// openings. Every column ending _sealed holds AES-256-GCM ciphertext (docs/adr/0027); the _index
// columns hold keyed hashes. Only what must be queried is kept in the clear.
export function cases(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('case_panels'), dialect)
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('terms_of_reference', 'text', (c) => c.notNull())
          .addColumn('chair_user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('cadence', 'text', (c) => c.notNull())
          /** JSON array of the organisations' names party to the information sharing agreement. */
          .addColumn('isa_parties', 'text', (c) => c.notNull())
          .addColumn('isa_legal_basis', 'text', (c) => c.notNull())
          .addColumn('isa_review_date', 'text', (c) => c.notNull())
          .addColumn('retention_years', 'integer', (c) => c.notNull().defaultTo(6)),
      ).execute()

      await withId(db.schema.createTable('case_panel_organisations'), dialect)
        .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id').onDelete('cascade'))
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addUniqueConstraint('case_panel_organisations_pair', ['panel_id', 'organisation_id'])
        .execute()

      await withId(db.schema.createTable('case_panel_members'), dialect)
        .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addUniqueConstraint('case_panel_members_pair', ['panel_id', 'user_id'])
        .execute()
      await db.schema
        .createIndex('case_panel_members_user')
        .on('case_panel_members')
        .column('user_id')
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_subjects'), dialect)
          /** Sealed JSON: forename, surname, date of birth. */
          .addColumn('identity_sealed', 'text', (c) => c.notNull())
          /** Sealed JSON: gender, ethnicity, disability, sexuality. */
          .addColumn('profile_sealed', 'text', (c) => c.notNull())
          .addColumn('name_dob_index', 'text', (c) => c.notNull())
          .addColumn('surname_dob_index', 'text', (c) => c.notNull())
          /** Merging comes later: the subject this one was merged into, kept so a merge can be undone. */
          .addColumn('merged_into_subject_id', 'integer', (c) => c.references('case_subjects.id')),
      ).execute()
      await db.schema
        .createIndex('case_subjects_name_dob')
        .on('case_subjects')
        .column('name_dob_index')
        .execute()
      await db.schema
        .createIndex('case_subjects_surname_dob')
        .on('case_subjects')
        .column('surname_dob_index')
        .execute()

      await withId(db.schema.createTable('case_subject_aliases'), dialect)
        .addColumn('subject_id', 'integer', (c) =>
          c.notNull().references('case_subjects.id').onDelete('cascade'),
        )
        /** Sealed JSON: forename and surname. */
        .addColumn('name_sealed', 'text', (c) => c.notNull())
        .addColumn('name_dob_index', 'text', (c) => c.notNull())
        .addColumn('surname_dob_index', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('case_subject_aliases_name_dob')
        .on('case_subject_aliases')
        .column('name_dob_index')
        .execute()
      await db.schema
        .createIndex('case_subject_aliases_surname_dob')
        .on('case_subject_aliases')
        .column('surname_dob_index')
        .execute()

      await withId(db.schema.createTable('case_subject_addresses'), dialect)
        .addColumn('subject_id', 'integer', (c) =>
          c.notNull().references('case_subjects.id').onDelete('cascade'),
        )
        /** Sealed JSON: the address and the dates the subject lived there. */
        .addColumn('address_sealed', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute()

      await withTimestamps(
        withId(db.schema.createTable('case_referrals'), dialect)
          .addColumn('panel_id', 'integer', (c) => c.notNull().references('case_panels.id'))
          .addColumn('referring_organisation_id', 'integer', (c) =>
            c.notNull().references('organisations.id'),
          )
          .addColumn('referring_user_id', 'integer', (c) => c.notNull().references('users.id'))
          /** submitted, accepted, declined, heard or closed. */
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('referred_on', 'text', (c) => c.notNull())
          .addColumn('decided_on', 'text')
          .addColumn('heard_on', 'text')
          .addColumn('closed_on', 'text')
          .addColumn('reasons_sealed', 'text', (c) => c.notNull())
          .addColumn('risk_sealed', 'text', (c) => c.notNull())
          /** given, not-sought or refused. */
          .addColumn('consent', 'text', (c) => c.notNull())
          /** Sealed JSON: the decision to share without consent, its reason and legal basis; null when consent was given. */
          .addColumn('consent_decision_sealed', 'text')
          .addColumn('decline_reason_sealed', 'text'),
      ).execute()
      await db.schema
        .createIndex('case_referrals_panel')
        .on('case_referrals')
        .columns(['panel_id', 'status'])
        .execute()

      await withId(db.schema.createTable('case_referral_subjects'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        /** victim, perpetrator, offender, child-in-household, family-member or other. */
        .addColumn('role', 'text', (c) => c.notNull())
        .addUniqueConstraint('case_referral_subjects_pair', ['referral_id', 'subject_id'])
        .execute()
      await db.schema
        .createIndex('case_referral_subjects_subject')
        .on('case_referral_subjects')
        .column('subject_id')
        .execute()

      // Each candidate a referrer was shown and what they said: the seam for merging later.
      await withId(db.schema.createTable('case_match_decisions'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('candidate_subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        /** The subject the referral names in its place (the candidate itself when confirmed). */
        .addColumn('subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        /** confirmed or rejected. */
        .addColumn('decision', 'text', (c) => c.notNull())
        /** name-dob or surname-dob: which index matched. */
        .addColumn('matched_on', 'text', (c) => c.notNull())
        .addColumn('decided_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute()

      await withId(db.schema.createTable('case_break_glass'), dialect)
        .addColumn('referral_id', 'integer', (c) =>
          c.notNull().references('case_referrals.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('reason_sealed', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        /** When the panel chair marked it seen; until then it is flagged to them. */
        .addColumn('seen_by_chair_at', 'text')
        .execute()
      await db.schema
        .createIndex('case_break_glass_user')
        .on('case_break_glass')
        .columns(['user_id', 'referral_id'])
        .execute()
    },

    async down(db: AnyDb): Promise<void> {
      for (const table of [
        'case_break_glass',
        'case_match_decisions',
        'case_referral_subjects',
        'case_referrals',
        'case_subject_addresses',
        'case_subject_aliases',
        'case_subjects',
        'case_panel_members',
        'case_panel_organisations',
        'case_panels',
      ])
        await db.schema.dropTable(table).execute()
    },
  }
}
