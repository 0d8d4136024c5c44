import type { Executor } from '../../db/database.ts'

export interface MeetingValues {
  board_id: number
  starts_at: string
  place: string | null
  link: string | null
  status: string
}

export interface ItemValues {
  meeting_id: number
  number: number
  title: string
  kind: string
  presenter_person_id: number | null
  exempt: number
  exempt_reason: string | null
}

function meetingsWithBoard(db: Executor) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .selectAll('meetings')
    .select(['boards.name as board_name'])
}

export async function listMeetings(db: Executor, boardId: number | null) {
  let query = meetingsWithBoard(db)
  if (boardId !== null) query = query.where('meetings.board_id', '=', boardId)
  return query.orderBy('meetings.starts_at', 'desc').orderBy('meetings.id', 'desc').execute()
}

export async function findMeeting(db: Executor, id: number) {
  return meetingsWithBoard(db).where('meetings.id', '=', id).executeTakeFirst()
}

export async function insertMeeting(db: Executor, values: MeetingValues, now: string) {
  const row = await db
    .insertInto('meetings')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setMeetingStatus(db: Executor, id: number, from: string, to: string, now: string) {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({ status: to, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Whether the board has met, or is to meet, before this time (so a new meeting has matters arising). */
export async function hasEarlierMeeting(db: Executor, boardId: number, startsAt: string) {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('board_id', '=', boardId)
    .where('starts_at', '<', startsAt)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst()
  return row !== undefined
}

/** The highest item number the board has used at any meeting: its numbering runs on between meetings. */
export async function highestItemNumber(db: Executor, boardId: number): Promise<number> {
  const row = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select((eb) => eb.fn.max('agenda_items.number').as('n'))
    .where('meetings.board_id', '=', boardId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function listAttendance(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('people as s', 's.id', 'a.substitute_for_person_id')
    .selectAll('a')
    .select(['p.name as person_name', 's.name as substitute_for_name'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.attendance', 'desc')
    .orderBy('p.name')
    .execute()
}

export async function saveAttendance(
  db: Executor,
  meetingId: number,
  personId: number,
  attendance: string,
  substituteFor: number | null,
) {
  await db
    .deleteFrom('meeting_attendance')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .execute()
  await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: meetingId,
      person_id: personId,
      attendance,
      substitute_for_person_id: substituteFor,
    })
    .execute()
}

export async function listItems(db: Executor, meetingId: number) {
  return db
    .selectFrom('agenda_items as i')
    .leftJoin('people as p', 'p.id', 'i.presenter_person_id')
    .selectAll('i')
    .select(['p.name as presenter_name'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.number')
    .execute()
}

export async function findItem(db: Executor, id: number) {
  return db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertItem(db: Executor, values: ItemValues) {
  const row = await db
    .insertInto('agenda_items')
    .values({ ...values, discussion: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setDiscussion(db: Executor, itemId: number, discussion: string | null) {
  await db.updateTable('agenda_items').set({ discussion }).where('id', '=', itemId).execute()
}
