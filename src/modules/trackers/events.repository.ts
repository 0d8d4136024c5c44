import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { TrackerEventTable } from './tables.ts'

export type EventValues = Omit<Insertable<TrackerEventTable>, 'id' | 'created_at' | 'updated_at' | 'version'>

export interface EventFilter {
  /** Events still to end on or after this day, soonest first; or, with `before`, ended before it, latest first. */
  onOrAfter?: string
  before?: string
  to?: string
  eventType?: string
  riskLevel?: string
}

export async function listEvents(db: Executor, f: EventFilter) {
  let q = db.selectFrom('tracker_events').selectAll()
  // An event lasting several days stays upcoming until its last day has passed.
  if (f.onOrAfter) q = q.where((eb) => eb.fn.coalesce('ends_on', 'starts_on'), '>=', f.onOrAfter)
  if (f.before) q = q.where((eb) => eb.fn.coalesce('ends_on', 'starts_on'), '<', f.before)
  if (f.to) q = q.where('starts_on', '<=', f.to)
  if (f.eventType) q = q.where('event_type', '=', f.eventType)
  if (f.riskLevel) q = q.where('risk_level', '=', f.riskLevel)
  const order = f.before ? 'desc' : 'asc'
  return q.orderBy('starts_on', order).orderBy('id', order).execute()
}

export async function findEvent(db: Executor, id: number) {
  return db.selectFrom('tracker_events').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertEvent(db: Executor, values: EventValues, now: string) {
  const row = await db
    .insertInto('tracker_events')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateEvent(
  db: Executor,
  id: number,
  version: number,
  values: EventValues,
  now: string,
) {
  const result = await db
    .updateTable('tracker_events')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function eventPartners(db: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return []
  return db
    .selectFrom('tracker_event_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.event_id as ownerId', 'o.id', 'o.name'])
    .where('p.event_id', 'in', eventIds)
    .orderBy('o.name')
    .execute()
}

export async function setEventPartners(db: Executor, eventId: number, organisationIds: number[]) {
  await db.deleteFrom('tracker_event_partners').where('event_id', '=', eventId).execute()
  if (organisationIds.length)
    await db
      .insertInto('tracker_event_partners')
      .values(organisationIds.map((organisation_id) => ({ event_id: eventId, organisation_id })))
      .execute()
}
