import type { Executor } from '../../../db/database.ts'

export interface LocationValues {
  referral_id: number
  location_type: string
  place_sealed: string
  place_index: string
}

export async function insertLocation(db: Executor, values: LocationValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_mase_locations')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const locationsOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_mase_locations')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('id')
    .execute()

/** Every location on the panel's cases whose place is also on another of them. */
export const sharedLocationsOfPanel = (db: Executor, panelId: number) =>
  db
    .selectFrom('case_mase_locations as l')
    .innerJoin('case_referrals as r', 'r.id', 'l.referral_id')
    .select(['l.id', 'l.referral_id', 'l.location_type', 'l.place_sealed', 'l.place_index'])
    .where('r.panel_id', '=', panelId)
    .where('l.place_index', 'in', (eb) =>
      eb
        .selectFrom('case_mase_locations as o')
        .innerJoin('case_referrals as orr', 'orr.id', 'o.referral_id')
        .select('o.place_index')
        .where('orr.panel_id', '=', panelId)
        .groupBy('o.place_index')
        .having((h) => h.fn.count('o.referral_id').distinct(), '>', 1),
    )
    .orderBy('l.id')
    .execute()

export interface DisruptionValues {
  referral_id: number
  disruption_type: string
  owner_organisation_id: number
  due_on: string
  status: string
  detail_sealed: string
}

export async function insertDisruption(db: Executor, values: DisruptionValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_mase_disruptions')
    .values({ ...values, result_sealed: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const withOrganisation = (db: Executor) =>
  db
    .selectFrom('case_mase_disruptions as d')
    .innerJoin('organisations as o', 'o.id', 'd.owner_organisation_id')
    .selectAll('d')
    .select('o.name as organisation_name')

export type DisruptionRow = Awaited<ReturnType<typeof disruptionsOf>>[number]

export const disruptionsOf = (db: Executor, referralId: number) =>
  withOrganisation(db).where('d.referral_id', '=', referralId).orderBy('d.due_on').orderBy('d.id').execute()

export const findDisruption = (db: Executor, id: number) =>
  withOrganisation(db).where('d.id', '=', id).executeTakeFirst()

export async function updateDisruption(
  db: Executor,
  id: number,
  version: number,
  values: { status: string; result_sealed: string | null },
  now: string,
) {
  const result = await db
    .updateTable('case_mase_disruptions')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
