import type { Executor } from '../../../db/database.ts'

// What IOM holds about a set of people, read for a subject access export. Their rows go with the
// person under retention by the foreign keys' cascade.

export const offencesOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('iom_offences')
    .select(['id', 'offence_date', 'offence_group', 'home_office_code', 'source_note_sealed'])
    .where('subject_id', 'in', subjectIds)
    .orderBy('offence_date')
    .orderBy('id')
    .execute()

export const decisionsOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('iom_candidate_decisions')
    .select(['id', 'decision', 'decided_on', 'score', 'reason_sealed'])
    .where('subject_id', 'in', subjectIds)
    .orderBy('decided_on')
    .orderBy('id')
    .execute()

export const membershipsOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('iom_cohort_memberships')
    .select([
      'id',
      'cohort',
      'selected_on',
      'selection_reason_sealed',
      'deselected_on',
      'deselection_reason',
      'deselection_note_sealed',
    ])
    .where('subject_id', 'in', subjectIds)
    .orderBy('selected_on')
    .orderBy('id')
    .execute()

export const pathwaysOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('iom_pathways')
    .select(['id', 'pathway', 'need', 'progress', 'reviewed_on', 'note_sealed'])
    .where('subject_id', 'in', subjectIds)
    .orderBy('pathway')
    .orderBy('id')
    .execute()
