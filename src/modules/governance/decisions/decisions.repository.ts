import type { Insertable } from 'kysely'
import type { Executor } from '../../../db/database.ts'
import type { RegisterFilters } from './schema.ts'
import type { DecisionRecordTable, ForwardPlanItemTable } from './tables.ts'

export type DecisionValues = Omit<
  Insertable<DecisionRecordTable>,
  'id' | 'created_at' | 'updated_at' | 'version'
>
export type ForwardPlanValues = Omit<
  Insertable<ForwardPlanItemTable>,
  'id' | 'created_at' | 'updated_at' | 'version'
>

function decisionsWithBoard(db: Executor) {
  return db
    .selectFrom('decision_records as d')
    .leftJoin('boards as b', 'b.id', 'd.board_id')
    .leftJoin('meetings as m', 'm.id', 'd.meeting_id')
    .leftJoin('agenda_items as i', 'i.id', 'd.agenda_item_id')
    .selectAll('d')
    .select([
      'b.name as board_name',
      'm.starts_at as meeting_starts_at',
      'i.number as item_number',
      'i.exempt as item_exempt',
    ])
}

/** The register, latest decision first; `today` decides which call-in periods are open. */
export async function listDecisions(db: Executor, filters: RegisterFilters, today: string) {
  let query = decisionsWithBoard(db)
  if (filters.keyDecision) query = query.where('d.key_decision', '=', filters.keyDecision === 'yes' ? 1 : 0)
  if (filters.board !== undefined) query = query.where('d.board_id', '=', filters.board)
  if (filters.from) query = query.where('d.decision_date', '>=', filters.from)
  if (filters.to) query = query.where('d.decision_date', '<=', filters.to)
  if (filters.callIn === 'open')
    query = query
      .where('d.subject_to_call_in', '=', 1)
      .where('d.status', '!=', 'called-in')
      .where('d.publication_date', '<=', today)
      .where('d.call_in_deadline', '>=', today)
  return query.orderBy('d.decision_date', 'desc').orderBy('d.id', 'desc').execute()
}

/** The decisions taken at a meeting, in the agenda's order and then as recorded. */
export async function listDecisionsOfMeeting(db: Executor, meetingId: number) {
  return decisionsWithBoard(db)
    .where('d.meeting_id', '=', meetingId)
    .orderBy('i.number')
    .orderBy('d.id')
    .execute()
}

export async function findDecision(db: Executor, id: number) {
  return decisionsWithBoard(db).where('d.id', '=', id).executeTakeFirst()
}

export async function findDecisionByReference(db: Executor, reference: string) {
  return db
    .selectFrom('decision_records')
    .select(['id'])
    .where('reference', '=', reference)
    .executeTakeFirst()
}

export async function insertDecision(db: Executor, values: DecisionValues, now: string) {
  const row = await db
    .insertInto('decision_records')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setReference(db: Executor, id: number, reference: string) {
  await db.updateTable('decision_records').set({ reference }).where('id', '=', id).execute()
}

/** Changes the status only from the one read, so that two people changing it at once cannot both win. */
export async function setDecisionStatus(db: Executor, id: number, from: string, to: string, now: string) {
  const result = await db
    .updateTable('decision_records')
    .set((eb) => ({ status: to, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

function forwardPlanWithBoard(db: Executor) {
  return db
    .selectFrom('forward_plan_items as f')
    .leftJoin('boards as b', 'b.id', 'f.board_id')
    .leftJoin('meetings as m', 'm.id', 'f.meeting_id')
    .selectAll('f')
    .select(['b.name as board_name', 'm.starts_at as meeting_starts_at'])
}

/** Items to be decided on or after the given day, soonest first. */
export async function listForwardPlan(db: Executor, from: string) {
  return forwardPlanWithBoard(db)
    .where('f.decision_date', '>=', from)
    .orderBy('f.decision_date')
    .orderBy('f.id')
    .execute()
}

export async function findForwardPlanItem(db: Executor, id: number) {
  return forwardPlanWithBoard(db).where('f.id', '=', id).executeTakeFirst()
}

export async function insertForwardPlanItem(db: Executor, values: ForwardPlanValues, now: string) {
  const row = await db
    .insertInto('forward_plan_items')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
