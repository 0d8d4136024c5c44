import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { PoliceActivityTable } from './tables.ts'

export type ActivityValues = Omit<
  Insertable<PoliceActivityTable>,
  'id' | 'created_at' | 'updated_at' | 'version'
>

export async function listActivities(db: Executor, from: string, to: string, tactic?: string) {
  let q = db
    .selectFrom('police_activities')
    .selectAll()
    .where('activity_on', '>=', from)
    .where('activity_on', '<=', to)
  if (tactic) q = q.where('tactic', '=', tactic)
  return q.orderBy('activity_on', 'desc').orderBy('id', 'desc').execute()
}

export async function findActivity(db: Executor, id: number) {
  return db.selectFrom('police_activities').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertActivity(db: Executor, values: ActivityValues, now: string) {
  const row = await db
    .insertInto('police_activities')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function activityPartners(db: Executor, activityIds: number[]) {
  if (activityIds.length === 0) return []
  return db
    .selectFrom('police_activity_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.activity_id as ownerId', 'o.id', 'o.name'])
    .where('p.activity_id', 'in', activityIds)
    .orderBy('o.name')
    .execute()
}

export async function insertActivityPartners(db: Executor, activityId: number, organisationIds: number[]) {
  if (organisationIds.length)
    await db
      .insertInto('police_activity_partners')
      .values(organisationIds.map((organisation_id) => ({ activity_id: activityId, organisation_id })))
      .execute()
}
