import type { Executor } from '../../../db/database.ts'

export interface InterventionValues {
  name: string
  provider_organisation_id: number
  kind: string
  description: string
  eligibility: string
  referral_route: string
  places: number | null
  contact: string
}

function withProvider(db: Executor) {
  return db
    .selectFrom('case_interventions as i')
    .innerJoin('organisations as o', 'o.id', 'i.provider_organisation_id')
    .selectAll('i')
    .select(['o.name as provider_name', 'o.short_name as provider_short_name'])
}

export type InterventionRow = NonNullable<Awaited<ReturnType<typeof findIntervention>>>

export function listInterventions(db: Executor, filter: { kind?: string; panelId?: number }) {
  let q = withProvider(db)
  if (filter.kind) q = q.where('i.kind', '=', filter.kind)
  if (filter.panelId !== undefined) {
    const panelId = filter.panelId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_intervention_panels as ip')
          .select('ip.id')
          .whereRef('ip.intervention_id', '=', 'i.id')
          .where('ip.panel_id', '=', panelId),
      ),
    )
  }
  return q.orderBy('i.name').execute()
}

export const findIntervention = (db: Executor, id: number) =>
  withProvider(db).where('i.id', '=', id).executeTakeFirst()

export const findInterventionByName = (db: Executor, name: string) =>
  db.selectFrom('case_interventions').select('id').where('name', '=', name).executeTakeFirst()

export const panelsOfInterventions = (db: Executor, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_intervention_panels as ip')
        .innerJoin('case_panels as p', 'p.id', 'ip.panel_id')
        .select(['ip.intervention_id', 'p.id', 'p.name'])
        .where('ip.intervention_id', 'in', ids)
        .orderBy('p.name')
        .execute()

/** Per service: accepted episodes not ended (places held) and referrals awaiting an answer. */
export async function usageOfInterventions(db: Executor, ids: number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('case_intervention_episodes')
    .select(['intervention_id', 'referral_outcome'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('intervention_id', 'in', ids)
    .where('ended_on', 'is', null)
    .where('referral_outcome', 'in', ['accepted', 'pending'])
    .groupBy(['intervention_id', 'referral_outcome'])
    .execute()
}

export async function insertIntervention(trx: Executor, values: InterventionValues, at: string) {
  const row = await trx
    .insertInto('case_interventions')
    .values({ ...values, created_at: at, updated_at: at, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateIntervention(
  trx: Executor,
  id: number,
  version: number,
  values: InterventionValues,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('case_interventions')
    .set({ ...values, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setPanels(trx: Executor, id: number, panelIds: number[]) {
  await trx.deleteFrom('case_intervention_panels').where('intervention_id', '=', id).execute()
  if (panelIds.length)
    await trx
      .insertInto('case_intervention_panels')
      .values(panelIds.map((panel_id) => ({ intervention_id: id, panel_id })))
      .execute()
}
