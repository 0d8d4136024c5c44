import type { Executor } from '../../../db/database.ts'

// What Channel and MASE hold on a set of cases, read for a subject access export; the place index
// rewritten when the case data key changes. Their rows go with the case by the foreign keys' cascade.

export const vafAssessmentsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_vaf_assessments')
    .select(['id', 'referral_id', 'assessed_on', 'ratings_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('assessed_on')
    .orderBy('id')
    .execute()

export const consentsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_channel_consents')
    .select(['id', 'referral_id', 'decision', 'given_by', 'decided_on', 'obtained_by_sealed', 'note_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('decided_on')
    .orderBy('id')
    .execute()

export const supportOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_channel_support')
    .select(['id', 'referral_id', 'support_type', 'provider_sealed', 'starts_on', 'ends_on'])
    .where('referral_id', 'in', caseIds)
    .orderBy('starts_on')
    .orderBy('id')
    .execute()

export const locationsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_mase_locations')
    .select(['id', 'referral_id', 'location_type', 'place_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('id')
    .execute()

export const disruptionsOf = (db: Executor, caseIds: readonly number[]) =>
  db
    .selectFrom('case_mase_disruptions')
    .select(['id', 'referral_id', 'disruption_type', 'due_on', 'status', 'detail_sealed', 'result_sealed'])
    .where('referral_id', 'in', caseIds)
    .orderBy('due_on')
    .orderBy('id')
    .execute()

export const allPlaces = (db: Executor) =>
  db.selectFrom('case_mase_locations').select(['id', 'place_sealed', 'place_index']).orderBy('id').execute()

export async function setPlaceIndex(db: Executor, id: number, placeIndex: string): Promise<void> {
  await db.updateTable('case_mase_locations').set({ place_index: placeIndex }).where('id', '=', id).execute()
}
