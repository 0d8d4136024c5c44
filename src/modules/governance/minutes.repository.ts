import type { Executor } from '../../db/database.ts'

export interface ActionValues {
  agenda_item_id: number
  description: string
  owner_person_id: number | null
  owner_organisation_id: number | null
  due_date: string | null
}

export async function listResolutions(db: Executor, meetingId: number) {
  return db
    .selectFrom('resolutions as r')
    .innerJoin('agenda_items as i', 'i.id', 'r.agenda_item_id')
    .selectAll('r')
    .where('i.meeting_id', '=', meetingId)
    .orderBy('r.agenda_item_id')
    .orderBy('r.position')
    .execute()
}

export async function resolutionNumbers(db: Executor, itemId: number) {
  const rows = await db
    .selectFrom('resolutions')
    .select(['number'])
    .where('agenda_item_id', '=', itemId)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.number)
}

export async function insertResolution(
  db: Executor,
  itemId: number,
  number: string,
  position: number,
  text: string,
) {
  const row = await db
    .insertInto('resolutions')
    .values({ agenda_item_id: itemId, number, position, text })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function actionsWithOwners(db: Executor) {
  return db
    .selectFrom('actions_arising as a')
    .innerJoin('agenda_items as i', 'i.id', 'a.agenda_item_id')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .leftJoin('people as p', 'p.id', 'a.owner_person_id')
    .leftJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .selectAll('a')
    .select([
      'i.meeting_id',
      'i.number as item_number',
      'm.starts_at as meeting_starts_at',
      'm.board_id',
      'p.name as owner_name',
      'o.name as owner_organisation_name',
    ])
}

export async function listActionsOfMeeting(db: Executor, meetingId: number) {
  return actionsWithOwners(db).where('i.meeting_id', '=', meetingId).orderBy('a.id').execute()
}

/**
 * Matters arising at a meeting: actions from the board's earlier meetings still open on its day
 * (open now, or closed on or after that day), so a past agenda reads as it stood.
 */
export async function listMattersArising(db: Executor, boardId: number, startsAt: string) {
  const day = startsAt.slice(0, 10)
  return actionsWithOwners(db)
    .where('m.board_id', '=', boardId)
    .where('m.starts_at', '<', startsAt)
    .where((eb) => eb.or([eb('a.status', '=', 'open'), eb('a.closed_on', '>=', day)]))
    .orderBy('m.starts_at')
    .orderBy('a.id')
    .execute()
}

/** The actions arising a person owns, from every board's meetings: open ones first, then by due date. */
export async function listActionsOwnedBy(db: Executor, personId: number) {
  return actionsWithOwners(db)
    .where('a.owner_person_id', '=', personId)
    .orderBy('a.status', 'desc')
    .orderBy('a.due_date')
    .orderBy('a.id')
    .execute()
}

export async function findAction(db: Executor, id: number) {
  return actionsWithOwners(db).where('a.id', '=', id).executeTakeFirst()
}

export async function insertAction(db: Executor, values: ActionValues, now: string) {
  const row = await db
    .insertInto('actions_arising')
    .values({ ...values, status: 'open', closed_on: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setActionStatus(
  db: Executor,
  id: number,
  status: string,
  closedOn: string | null,
  now: string,
) {
  await db
    .updateTable('actions_arising')
    .set((eb) => ({ status, closed_on: closedOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}
