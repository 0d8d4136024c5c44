import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { CriticalIncidentTable } from './tables.ts'

export type IncidentValues = Omit<
  Insertable<CriticalIncidentTable>,
  'id' | 'created_at' | 'updated_at' | 'version' | 'status' | 'closed_on'
>

export async function listIncidents(db: Executor, status?: 'open' | 'closed') {
  let q = db.selectFrom('critical_incidents').selectAll()
  if (status) q = q.where('status', '=', status)
  return q.orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute()
}

export async function findIncident(db: Executor, id: number) {
  return db.selectFrom('critical_incidents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertIncident(db: Executor, values: IncidentValues, now: string) {
  const row = await db
    .insertInto('critical_incidents')
    .values({ ...values, status: 'open', closed_on: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function closeIncident(db: Executor, id: number, closedOn: string, now: string) {
  const result = await db
    .updateTable('critical_incidents')
    .set((eb) => ({ status: 'closed', closed_on: closedOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function checklistOf(db: Executor, incidentIds: number[]) {
  if (incidentIds.length === 0) return []
  return db
    .selectFrom('critical_incident_checklist')
    .select(['incident_id', 'item', 'done_by', 'done_on', 'note'])
    .where('incident_id', 'in', incidentIds)
    .orderBy('incident_id')
    .orderBy('position')
    .execute()
}

export async function insertChecklist(db: Executor, incidentId: number, items: string[]) {
  await db
    .insertInto('critical_incident_checklist')
    .values(
      items.map((item, position) => ({
        incident_id: incidentId,
        item,
        position,
        done_by: null,
        done_on: null,
        note: null,
      })),
    )
    .execute()
}

export async function tick(
  db: Executor,
  incidentId: number,
  item: string,
  values: { done_by: string; done_on: string; note: string | null },
) {
  await db
    .updateTable('critical_incident_checklist')
    .set(values)
    .where('incident_id', '=', incidentId)
    .where('item', '=', item)
    .execute()
}

export async function timelineOf(db: Executor, incidentId: number) {
  return db
    .selectFrom('critical_incident_timeline')
    .select(['id', 'at', 'entry'])
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

export async function insertTimelineEntry(db: Executor, incidentId: number, at: string, entry: string) {
  const row = await db
    .insertInto('critical_incident_timeline')
    .values({ incident_id: incidentId, at, entry })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function linksOf(db: Executor, incidentId: number) {
  return db
    .selectFrom('critical_incident_links')
    .select(['assessment_id', 'tasking_id'])
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute()
}

export async function insertLink(
  db: Executor,
  incidentId: number,
  link: { assessment_id: number | null; tasking_id: number | null },
) {
  await db
    .insertInto('critical_incident_links')
    .values({ incident_id: incidentId, ...link })
    .execute()
}
