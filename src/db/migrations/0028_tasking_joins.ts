import type { DatabaseDialect } from '../../config.ts'
import { type AnyDb, withId } from './helpers.ts'

// Taskings against a risk panel's cohort: the panel and the subjects chosen, by id only. Names stay
// sealed in the cases module and are read through its service, per viewer, every read audited. No
// foreign keys into the cases tables: an installation may leave that module out (ADR 0032).
export function taskingJoins(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      await withId(db.schema.createTable('tasking_cohorts'), dialect)
        .addColumn('tasking_id', 'integer', (c) =>
          c.notNull().unique().references('taskings.id').onDelete('cascade'),
        )
        /** The risk panel (cases module) whose cohort it is. */
        .addColumn('panel_id', 'integer', (c) => c.notNull())
        .execute()
      await withId(db.schema.createTable('tasking_cohort_subjects'), dialect)
        .addColumn('tasking_id', 'integer', (c) =>
          c.notNull().references('taskings.id').onDelete('cascade'),
        )
        /** A case subject's id (cases module): never a name. */
        .addColumn('subject_id', 'integer', (c) => c.notNull())
        .addUniqueConstraint('tasking_cohort_subject', ['tasking_id', 'subject_id'])
        .execute()
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('tasking_cohort_subjects').execute()
      await db.schema.dropTable('tasking_cohorts').execute()
    },
  }
}
