import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Risk panels, rights: a record of each subject merge, so that a merge is never silent and can be
// undone exactly. The links moved are kept by id; the reason is sealed like any other case text.
export function casesRights(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('case_subject_merges'), dialect)
        .addColumn('kept_subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        .addColumn('merged_subject_id', 'integer', (c) => c.notNull().references('case_subjects.id'))
        /** JSON array of the case_referral_subjects ids moved from the merged subject to the kept one. */
        .addColumn('moved_link_ids', 'text', (c) => c.notNull())
        .addColumn('reason_sealed', 'text', (c) => c.notNull())
        .addColumn('merged_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('undone_by_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('undone_at', 'text')
        .execute()
      await db.schema
        .createIndex('case_subject_merges_merged')
        .on('case_subject_merges')
        .column('merged_subject_id')
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('case_subject_merges').execute()
    },
  }
}
