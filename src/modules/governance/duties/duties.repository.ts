import type { Executor } from '../../../db/database.ts'
import './tables.ts'

export interface EvidenceValues {
  year: number
  duty: string
  kind: string
  meeting_id: number | null
  document_title: string | null
  document_link: string | null
  decision_id: number | null
  decision_reference: string | null
  evidenced_on: string
  note: string | null
}

function evidenceWithMeeting(db: Executor) {
  return db
    .selectFrom('statutory_duty_evidence as e')
    .leftJoin('meetings as m', 'm.id', 'e.meeting_id')
    .leftJoin('boards as b', 'b.id', 'm.board_id')
    .leftJoin('decision_records as d', 'd.id', 'e.decision_id')
    .selectAll('e')
    .select([
      'm.starts_at as meeting_starts_at',
      'b.name as meeting_board_name',
      'd.reference as decision_record_reference',
      'd.title as decision_title',
    ])
}

export async function listEvidence(db: Executor, year: number) {
  return evidenceWithMeeting(db)
    .where('e.year', '=', year)
    .orderBy('e.evidenced_on')
    .orderBy('e.id')
    .execute()
}

export async function findEvidence(db: Executor, id: number) {
  return evidenceWithMeeting(db).where('e.id', '=', id).executeTakeFirst()
}

export async function insertEvidence(db: Executor, values: EvidenceValues, now: string) {
  const row = await db
    .insertInto('statutory_duty_evidence')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteEvidence(db: Executor, id: number) {
  const result = await db.deleteFrom('statutory_duty_evidence').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function listDueDates(db: Executor, year: number) {
  return db.selectFrom('statutory_duty_due_dates').selectAll().where('year', '=', year).execute()
}

export async function saveDueDate(db: Executor, year: number, duty: string, dueDate: string) {
  await db
    .insertInto('statutory_duty_due_dates')
    .values({ year, duty, due_date: dueDate })
    .onConflict((oc) => oc.columns(['year', 'duty']).doUpdateSet({ due_date: dueDate }))
    .execute()
}

/** Meetings marked public whose day falls between the two dates and which took place. */
export async function listPublicMeetingsHeld(db: Executor, from: string, to: string, tookPlace: string[]) {
  return db
    .selectFrom('public_meetings as p')
    .innerJoin('meetings as m', 'm.id', 'p.meeting_id')
    .innerJoin('boards as b', 'b.id', 'm.board_id')
    .select(['m.id', 'm.starts_at', 'b.name as board_name'])
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', `${to}T99`)
    .where('m.status', 'in', tookPlace)
    .orderBy('m.starts_at')
    .execute()
}

export async function isPublicMeeting(db: Executor, meetingId: number) {
  return (
    (await db
      .selectFrom('public_meetings')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst()) !== undefined
  )
}

/** Marks or unmarks a meeting as public (the service has checked that this changes it). */
export async function setPublicMeeting(db: Executor, meetingId: number, isPublic: boolean, now: string) {
  if (isPublic)
    await db
      .insertInto('public_meetings')
      .values({ meeting_id: meetingId, marked_at: now })
      .onConflict((oc) => oc.column('meeting_id').doNothing())
      .execute()
  else await db.deleteFrom('public_meetings').where('meeting_id', '=', meetingId).execute()
}
