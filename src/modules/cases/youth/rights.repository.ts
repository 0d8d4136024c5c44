import type { Executor } from '../../../db/database.ts'

// What the youth panels and the ASB case review hold about a set of people or cases, read for a
// subject access export; the ASB keyed indexes rewritten when the case data key changes.

export const riskReviewsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_risk_reviews')
    .selectAll()
    .where('referral_id', 'in', caseIds)
    .orderBy('reviewed_on')
    .orderBy('id')
    .execute()

export const riskOptionsOf = (db: Executor, reviewIds: readonly number[]) =>
  db
    .selectFrom('case_risk_options')
    .select(['id', 'review_id', 'kind', 'option_sealed'])
    .where('review_id', 'in', reviewIds)
    .orderBy('review_id')
    .orderBy('position')
    .execute()

export const transitionsOf = (db: Executor, subjectIds: readonly number[]) =>
  db.selectFrom('case_transitions').selectAll().where('subject_id', 'in', subjectIds).orderBy('id').execute()

export const applicationsOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('case_asb_applications')
    .select([
      'id',
      'received_on',
      'on_behalf_sealed',
      'location_sealed',
      'decided_on',
      'threshold_met',
      'decision_reason_sealed',
      'met_on',
      'recommendations_sealed',
    ])
    .where('applicant_subject_id', 'in', subjectIds)
    .orderBy('received_on')
    .orderBy('id')
    .execute()

export const allApplicationKeys = (db: Executor) =>
  db
    .selectFrom('case_asb_applications as a')
    .innerJoin('case_subjects as s', 's.id', 'a.applicant_subject_id')
    .select(['a.id', 'a.applicant_index', 'a.location_index', 'a.location_sealed', 's.name_dob_index'])
    .orderBy('a.id')
    .execute()

export async function setApplicationKeys(
  db: Executor,
  id: number,
  keys: { applicant_index: string; location_index: string },
): Promise<void> {
  await db.updateTable('case_asb_applications').set(keys).where('id', '=', id).execute()
}
