import type { Executor } from '../../../db/database.ts'

export interface ActionValues {
  referral_id: number
  meeting_id: number | null
  action_sealed: string
  owner_organisation_id: number
  owner_user_id: number
  due_on: string
  status: string
}

export async function insertAction(db: Executor, values: ActionValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_actions')
    .values({ ...values, result_sealed: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function withOwners(db: Executor) {
  return db
    .selectFrom('case_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .innerJoin('users as u', 'u.id', 'a.owner_user_id')
    .innerJoin('case_referrals as r', 'r.id', 'a.referral_id')
    .selectAll('a')
    .select(['o.name as organisation_name', 'u.name as owner_name', 'r.panel_id'])
}
export type ActionRow = Awaited<ReturnType<typeof actionsOfReferrals>>[number]

export const actionsOfReferrals = (db: Executor, referralIds: readonly number[]) =>
  referralIds.length === 0
    ? Promise.resolve([])
    : withOwners(db).where('a.referral_id', 'in', referralIds).orderBy('a.due_on').orderBy('a.id').execute()

export const findAction = (db: Executor, id: number) =>
  withOwners(db).where('a.id', '=', id).executeTakeFirst()

/** The user's own actions still open or all of them, on the panels given (those they still sit on). */
export const actionsOwnedBy = (db: Executor, userId: number, panelIds: readonly number[]) =>
  panelIds.length === 0
    ? Promise.resolve([])
    : withOwners(db)
        .where('a.owner_user_id', '=', userId)
        .where('r.panel_id', 'in', panelIds)
        .orderBy('a.due_on')
        .orderBy('a.id')
        .execute()

export async function countOverdue(db: Executor, userId: number, panelIds: readonly number[], today: string) {
  if (panelIds.length === 0) return 0
  const row = await db
    .selectFrom('case_actions as a')
    .innerJoin('case_referrals as r', 'r.id', 'a.referral_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.owner_user_id', '=', userId)
    .where('r.panel_id', 'in', panelIds)
    .where('a.status', '=', 'open')
    .where('a.due_on', '<', today)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function updateAction(
  db: Executor,
  id: number,
  version: number,
  values: { status: string; result_sealed: string | null },
  now: string,
) {
  const result = await db
    .updateTable('case_actions')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
