import type { Executor } from '../../db/database.ts'

export interface BoardValues {
  name: string
  purpose: string
  terms_of_reference: string | null
  terms_review_date: string | null
  frequency: string
  quorum: number
  chair_person_id: number | null
  vice_chair_person_id: number | null
  standing_items: string
}

export interface MemberValues {
  board_id: number
  person_id: number
  organisation_id: number | null
  role: string
  voting: number
  from_date: string | null
  to_date: string | null
}

function boardsWithChairs(db: Executor) {
  return db
    .selectFrom('boards')
    .leftJoin('people as chair', 'chair.id', 'boards.chair_person_id')
    .leftJoin('people as vice', 'vice.id', 'boards.vice_chair_person_id')
    .selectAll('boards')
    .select(['chair.name as chair_name', 'vice.name as vice_chair_name'])
}

export async function listBoards(db: Executor) {
  return boardsWithChairs(db).orderBy('boards.name').execute()
}

export async function findBoard(db: Executor, id: number) {
  return boardsWithChairs(db).where('boards.id', '=', id).executeTakeFirst()
}

export async function findBoardByName(db: Executor, name: string) {
  return db.selectFrom('boards').select(['id']).where('name', '=', name).executeTakeFirst()
}

export async function insertBoard(db: Executor, values: BoardValues, now: string) {
  const row = await db
    .insertInto('boards')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateBoard(
  db: Executor,
  id: number,
  version: number,
  values: BoardValues,
  now: string,
) {
  const result = await db
    .updateTable('boards')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Every reporting line, with both boards' names: the structure is drawn whole. */
export async function listReportingLines(db: Executor) {
  return db
    .selectFrom('board_reporting_lines as l')
    .innerJoin('boards as f', 'f.id', 'l.board_id')
    .innerJoin('boards as t', 't.id', 'l.reports_to_board_id')
    .select([
      'l.id',
      'l.board_id',
      'l.reports_to_board_id',
      'f.name as board_name',
      't.name as reports_to_name',
    ])
    .orderBy('f.name')
    .orderBy('t.name')
    .execute()
}

export async function insertReportingLine(db: Executor, boardId: number, reportsToBoardId: number) {
  const row = await db
    .insertInto('board_reporting_lines')
    .values({ board_id: boardId, reports_to_board_id: reportsToBoardId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteReportingLine(db: Executor, boardId: number, reportsToBoardId: number) {
  const result = await db
    .deleteFrom('board_reporting_lines')
    .where('board_id', '=', boardId)
    .where('reports_to_board_id', '=', reportsToBoardId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function listMembers(db: Executor, boardId: number) {
  return db
    .selectFrom('board_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .selectAll('m')
    .select(['p.name as person_name', 'o.name as organisation_name'])
    .where('m.board_id', '=', boardId)
    .orderBy('m.voting', 'desc')
    .orderBy('p.name')
    .execute()
}

export async function findMember(db: Executor, id: number) {
  return db.selectFrom('board_members').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertMember(db: Executor, values: MemberValues) {
  const row = await db.insertInto('board_members').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function setMemberEnd(db: Executor, id: number, toDate: string) {
  await db.updateTable('board_members').set({ to_date: toDate }).where('id', '=', id).execute()
}
