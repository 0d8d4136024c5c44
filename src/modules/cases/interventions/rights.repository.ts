import type { Executor } from '../../../db/database.ts'

// What the interventions and outcomes hold about a set of people, read for a subject access
// export, and their rows deleted with the people under retention.

export const episodesOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('case_intervention_episodes as e')
    .innerJoin('case_interventions as i', 'i.id', 'e.intervention_id')
    .select([
      'e.id',
      'e.subject_id',
      'i.name as service',
      'e.referred_on',
      'e.referral_outcome',
      'e.reason_code',
      'e.started_on',
      'e.ended_on',
      'e.ending',
      'e.notes_sealed',
    ])
    .where('e.subject_id', 'in', subjectIds)
    .orderBy('e.referred_on')
    .orderBy('e.id')
    .execute()

export const outcomeEventsOf = (db: Executor, subjectIds: readonly number[]) =>
  db
    .selectFrom('case_outcome_events')
    .select(['id', 'subject_id', 'kind', 'occurred_on', 'proven_on', 'offence_group_sealed', 'notes_sealed'])
    .where('subject_id', 'in', subjectIds)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute()

export async function deletePeoplesInterventions(
  trx: Executor,
  subjectIds: readonly number[],
): Promise<void> {
  if (subjectIds.length === 0) return
  await trx.deleteFrom('case_intervention_episodes').where('subject_id', 'in', subjectIds).execute()
  await trx.deleteFrom('case_outcome_events').where('subject_id', 'in', subjectIds).execute()
}
