import { sql } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { MeetingRow } from './records.ts'

export interface MeetingValues {
  month: string
  meeting_date: string
  area_code: string | null
  area_name: string | null
  chair_person_id: number | null
  status: string
}

function meetings(db: Executor) {
  return db
    .selectFrom('tasking_meetings as m')
    .leftJoin('people as chair', 'chair.id', 'm.chair_person_id')
    .leftJoin('tasking_briefings as b', 'b.meeting_id', 'm.id')
    .select([
      'm.id',
      'm.month',
      'm.meeting_date',
      'm.area_code',
      'm.area_name',
      'm.chair_person_id',
      'chair.name as chair_name',
      'm.status',
      'b.generated_at as briefing_generated_at',
      'm.version',
    ])
    .select(
      sql<number>`(SELECT count(*) FROM taskings t WHERE t.raised_at_meeting_id = m.id)`.as(
        'taskings_raised',
      ),
    )
}

export async function listMeetings(db: Executor): Promise<MeetingRow[]> {
  return meetings(db).orderBy('m.month', 'desc').execute()
}

export async function findMeeting(db: Executor, id: number): Promise<MeetingRow | undefined> {
  return meetings(db).where('m.id', '=', id).executeTakeFirst()
}

export async function findMeetingByMonth(db: Executor, month: string): Promise<MeetingRow | undefined> {
  return meetings(db).where('m.month', '=', month).executeTakeFirst()
}

export async function insertMeeting(db: Executor, values: MeetingValues, now: string) {
  const row = await db
    .insertInto('tasking_meetings')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setMeetingStatus(db: Executor, id: number, from: string, to: string, now: string) {
  const result = await db
    .updateTable('tasking_meetings')
    .set((eb) => ({ status: to, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function listAttendees(db: Executor, meetingId: number) {
  return db
    .selectFrom('tasking_attendees as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.organisation_id',
      'o.name as organisation_name',
      'a.person_id',
      'p.name as person_name',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('o.name')
    .orderBy('p.name')
    .execute()
}

export async function insertAttendee(
  db: Executor,
  values: { meeting_id: number; organisation_id: number; person_id: number | null },
) {
  const row = await db
    .insertInto('tasking_attendees')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findBriefing(db: Executor, meetingId: number) {
  return db.selectFrom('tasking_briefings').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst()
}

/** Replaces the meeting's briefing: a regenerated briefing is a new snapshot. */
export async function saveBriefing(db: Executor, meetingId: number, generatedAt: string, figures: string) {
  await db.deleteFrom('tasking_briefings').where('meeting_id', '=', meetingId).execute()
  await db
    .insertInto('tasking_briefings')
    .values({ meeting_id: meetingId, generated_at: generatedAt, figures })
    .execute()
}

export async function listCommentary(db: Executor, meetingId: number) {
  return db
    .selectFrom('tasking_commentary')
    .select(['section', 'body'])
    .where('meeting_id', '=', meetingId)
    .execute()
}

export async function saveCommentary(
  db: Executor,
  meetingId: number,
  section: string,
  body: string,
  now: string,
) {
  await db
    .deleteFrom('tasking_commentary')
    .where('meeting_id', '=', meetingId)
    .where('section', '=', section)
    .execute()
  if (body)
    await db
      .insertInto('tasking_commentary')
      .values({ meeting_id: meetingId, section, body, updated_at: now })
      .execute()
}

export async function findSettings(db: Executor) {
  return db.selectFrom('tasking_settings').selectAll().where('id', '=', 1).executeTakeFirst()
}

export async function saveSettings(
  db: Executor,
  values: { police_uk_types: string; recorded_categories: string; hotspot_count: number },
  version: number,
  now: string,
) {
  if (version === 0) {
    await db
      .insertInto('tasking_settings')
      .values({ id: 1, ...values, updated_at: now, version: 1 })
      .execute()
    return true
  }
  const result = await db
    .updateTable('tasking_settings')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', 1)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
