import type { Executor } from '../../../db/database.ts'

// What the MARAC work holds about a set of cases, read for a subject access export, and its rows
// deleted with a case under retention.

export const assessmentsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_assessments')
    .select([
      'id',
      'referral_id',
      'checklist_version',
      'assessed_on',
      'yes_count',
      'band',
      'refer_to_marac',
      'answers_sealed',
      'judgement_sealed',
      'reasons_sealed',
    ])
    .where('referral_id', 'in', caseIds)
    .orderBy('assessed_on')
    .orderBy('id')
    .execute()

export const discussionsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_meeting_cases as c')
    .innerJoin('case_meetings as m', 'm.id', 'c.meeting_id')
    .select(['c.id', 'c.referral_id', 'm.meets_on', 'c.discussion_sealed'])
    .where('c.referral_id', 'in', caseIds)
    .orderBy('m.meets_on')
    .orderBy('c.id')
    .execute()

export const actionsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_actions')
    .select(['id', 'referral_id', 'due_on', 'status', 'action_sealed', 'result_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('id')
    .execute()

export const safetyPlansOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_safety_plans')
    .select(['id', 'referral_id', 'plan_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('id')
    .execute()

/** The MARAC work's rows of one case; the foreign keys cascade too, but retention says so itself. */
export async function deleteMaracWork(trx: Executor, caseId: number): Promise<void> {
  await trx.deleteFrom('case_assessments').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_meeting_cases').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_actions').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_safety_plans').where('referral_id', '=', caseId).execute()
}
