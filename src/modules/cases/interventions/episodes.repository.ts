import type { Executor } from '../../../db/database.ts'

export interface EpisodeValues {
  referral_outcome: string
  outcome_on: string | null
  reason_code: string | null
  started_on: string | null
  ended_on: string | null
  ending: string | null
  notes_sealed: string | null
}

function episodes(db: Executor) {
  return db
    .selectFrom('case_intervention_episodes as e')
    .innerJoin('case_panels as p', 'p.id', 'e.panel_id')
    .innerJoin('case_interventions as i', 'i.id', 'e.intervention_id')
    .innerJoin('organisations as o', 'o.id', 'i.provider_organisation_id')
    .selectAll('e')
    .select(['p.name as panel_name', 'i.name as intervention_name', 'i.kind as intervention_kind'])
    .select('o.name as provider_name')
}

export type EpisodeRow = NonNullable<Awaited<ReturnType<typeof findEpisode>>>

export const findEpisode = (db: Executor, id: number) =>
  episodes(db).where('e.id', '=', id).executeTakeFirst()

/** A subject's episodes recorded by the panels given: the panels the reader may read. */
export const episodesOfSubject = (db: Executor, subjectId: number, panelIds: readonly number[]) =>
  panelIds.length === 0
    ? Promise.resolve([])
    : episodes(db)
        .where('e.subject_id', '=', subjectId)
        .where('e.panel_id', 'in', panelIds)
        .orderBy('e.referred_on', 'desc')
        .orderBy('e.id', 'desc')
        .execute()

export async function insertEpisode(
  trx: Executor,
  values: EpisodeValues & {
    subject_id: number
    panel_id: number
    intervention_id: number
    referred_on: string
  },
  at: string,
) {
  const row = await trx
    .insertInto('case_intervention_episodes')
    .values({ ...values, created_at: at, updated_at: at, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateEpisode(
  trx: Executor,
  id: number,
  version: number,
  values: EpisodeValues,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('case_intervention_episodes')
    .set({ ...values, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
