import type { Executor } from '../../db/database.ts'
import type { TaskingRow } from './records.ts'

export interface TaskingValues {
  raised_at_meeting_id: number
  organisation_id: number
  officer_person_id: number | null
  place_kind: string
  place_code: string | null
  place_name: string
  latitude: number | null
  longitude: number | null
  action: string
  expected_result: string
  due_date: string
}

export interface OutcomeValues {
  status: string
  actual_result: string | null
  not_done_reason: string | null
  resolved_at_meeting_id: number | null
}

function taskings(db: Executor) {
  return db
    .selectFrom('taskings as t')
    .innerJoin('tasking_meetings as m', 'm.id', 't.raised_at_meeting_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .leftJoin('people as p', 'p.id', 't.officer_person_id')
    .selectAll('t')
    .select(['m.month as raised_month', 'o.name as organisation_name', 'p.name as officer_name'])
}

export async function listTaskings(db: Executor): Promise<TaskingRow[]> {
  return taskings(db).orderBy('m.month').orderBy('t.id').execute()
}

export async function listRaisedAt(db: Executor, meetingId: number): Promise<TaskingRow[]> {
  return taskings(db).where('t.raised_at_meeting_id', '=', meetingId).orderBy('t.id').execute()
}

/** Taskings raised before the month: the carry-over rule chooses among these (rules/carry-over.ts). */
export async function listRaisedBefore(db: Executor, month: string): Promise<TaskingRow[]> {
  return taskings(db).where('m.month', '<', month).orderBy('m.month').orderBy('t.id').execute()
}

export async function findTasking(db: Executor, id: number): Promise<TaskingRow | undefined> {
  return taskings(db).where('t.id', '=', id).executeTakeFirst()
}

export async function insertTasking(db: Executor, values: TaskingValues, now: string) {
  const row = await db
    .insertInto('taskings')
    .values({ ...values, status: 'open', created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertCohort(db: Executor, taskingId: number, panelId: number, subjectIds: number[]) {
  await db.insertInto('tasking_cohorts').values({ tasking_id: taskingId, panel_id: panelId }).execute()
  await db
    .insertInto('tasking_cohort_subjects')
    .values(subjectIds.map((subject_id) => ({ tasking_id: taskingId, subject_id })))
    .execute()
}

/** The cohorts of these taskings, by tasking id: the panel and the subjects' ids. */
export async function cohortsOf(db: Executor, taskingIds: number[]) {
  const found = new Map<number, { panelId: number; subjectIds: number[] }>()
  if (taskingIds.length === 0) return found
  for (const c of await db
    .selectFrom('tasking_cohorts')
    .select(['tasking_id', 'panel_id'])
    .where('tasking_id', 'in', taskingIds)
    .execute())
    found.set(c.tasking_id, { panelId: c.panel_id, subjectIds: [] })
  for (const s of await db
    .selectFrom('tasking_cohort_subjects')
    .select(['tasking_id', 'subject_id'])
    .where('tasking_id', 'in', taskingIds)
    .orderBy('id')
    .execute())
    found.get(s.tasking_id)?.subjectIds.push(s.subject_id)
  return found
}

export async function setOutcome(
  db: Executor,
  id: number,
  version: number,
  values: OutcomeValues,
  now: string,
) {
  const result = await db
    .updateTable('taskings')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function carryOver(db: Executor, ids: number[], meetingId: number, now: string) {
  if (ids.length === 0) return
  await db
    .updateTable('taskings')
    .set((eb) => ({
      status: 'carried-over',
      carried_over_at_meeting_id: meetingId,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .execute()
}

export async function meetingRefs(db: Executor) {
  return db.selectFrom('tasking_meetings').select(['id', 'month', 'status']).execute()
}
