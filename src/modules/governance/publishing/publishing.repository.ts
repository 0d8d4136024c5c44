import type { Executor } from '../../../db/database.ts'
import './tables.ts'

export async function findPublication(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_publications')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
}

export async function insertPublication(db: Executor, meetingId: number, publishedBy: string, now: string) {
  await db
    .insertInto('meeting_publications')
    .values({ meeting_id: meetingId, published_at: now, published_by: publishedBy })
    .execute()
}

export async function deletePublication(db: Executor, meetingId: number) {
  const result = await db
    .deleteFrom('meeting_publications')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Published meetings whose status still lets them be shown, latest first. */
export async function listPublished(db: Executor, statuses: readonly string[]) {
  return db
    .selectFrom('meeting_publications as p')
    .innerJoin('meetings as m', 'm.id', 'p.meeting_id')
    .innerJoin('boards as b', 'b.id', 'm.board_id')
    .select(['m.id', 'm.starts_at', 'm.status', 'b.id as board_id', 'b.name as board_name'])
    .where('m.status', 'in', [...statuses])
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id', 'desc')
    .execute()
}
