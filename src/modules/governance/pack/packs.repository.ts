import type { Executor } from '../../../db/database.ts'
import './tables.ts'

// Board packs: the numbered versions of each meeting's pack. Lists never carry the file itself.

const LISTED = [
  'id',
  'meeting_id',
  'number',
  'made_at',
  'made_by',
  'file_name',
  'bytes',
  'circulated_at',
  'circulated_by',
] as const

export async function highestNumber(db: Executor, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('board_packs')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function insertPack(
  db: Executor,
  values: {
    meeting_id: number
    number: number
    made_at: string
    made_by_user_id: number | null
    made_by: string
    file_name: string
    content: Buffer
  },
): Promise<number> {
  const row = await db
    .insertInto('board_packs')
    .values({ ...values, bytes: values.content.length })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const listPacks = (db: Executor, meetingId: number) =>
  db
    .selectFrom('board_packs')
    .select(LISTED)
    .where('meeting_id', '=', meetingId)
    .orderBy('number', 'desc')
    .execute()

export const findPack = (db: Executor, id: number) =>
  db.selectFrom('board_packs').select(LISTED).where('id', '=', id).executeTakeFirst()

export const packContent = (db: Executor, id: number) =>
  db.selectFrom('board_packs').select(['content']).where('id', '=', id).executeTakeFirst()

/** Marks it circulated once: false when it already was. */
export async function markCirculated(db: Executor, id: number, at: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('board_packs')
    .set({ circulated_at: at, circulated_by: by })
    .where('id', '=', id)
    .where('circulated_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
