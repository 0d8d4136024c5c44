import type { Executor } from '../../../db/database.ts'

export interface OutcomeEventValues {
  subject_id: number
  panel_id: number
  kind: string
  occurred_on: string
  proven_on: string | null
  offence_group_sealed: string | null
  notes_sealed: string | null
  recorded_by_user_id: number | null
}

function events(db: Executor) {
  return db
    .selectFrom('case_outcome_events as e')
    .innerJoin('case_panels as p', 'p.id', 'e.panel_id')
    .selectAll('e')
    .select('p.name as panel_name')
}

export type OutcomeEventRow = Awaited<ReturnType<typeof eventsOfSubject>>[number]

/** A subject's events recorded by the panels given: the panels the reader may read. */
export const eventsOfSubject = (db: Executor, subjectId: number, panelIds: readonly number[]) =>
  panelIds.length === 0
    ? Promise.resolve([])
    : events(db)
        .where('e.subject_id', '=', subjectId)
        .where('e.panel_id', 'in', panelIds)
        .orderBy('e.occurred_on', 'desc')
        .orderBy('e.id', 'desc')
        .execute()

/** Every event a panel recorded about the subjects of its cases, in subject then date order. */
export const eventsOfPanel = (db: Executor, panelId: number) =>
  events(db)
    .where('e.panel_id', '=', panelId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_referral_subjects as rs')
          .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
          .select('rs.id')
          .whereRef('rs.subject_id', '=', 'e.subject_id')
          .where('r.panel_id', '=', panelId),
      ),
    )
    .orderBy('e.subject_id')
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute()

export async function insertEvent(trx: Executor, values: OutcomeEventValues, at: string) {
  const row = await trx
    .insertInto('case_outcome_events')
    .values({ ...values, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
