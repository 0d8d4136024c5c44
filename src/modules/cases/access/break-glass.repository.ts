import type { Executor } from '../../../db/database.ts'

export async function insertGlass(
  db: Executor,
  values: {
    referral_id: number
    user_id: number
    reason_sealed: string
    opened_at: string
    expires_at: string
  },
): Promise<number> {
  const row = await db
    .insertInto('case_break_glass')
    .values({ ...values, seen_by_chair_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const glassesOfReferral = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_break_glass')
    .select(['id', 'user_id', 'expires_at'])
    .where('referral_id', '=', referralId)
    .execute()

/** Break-glass openings of cases on the panels a user chairs, not yet marked seen. */
export const unseenForChair = (db: Executor, chairUserId: number) =>
  db
    .selectFrom('case_break_glass as g')
    .innerJoin('case_referrals as r', 'r.id', 'g.referral_id')
    .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'g.id',
      'g.referral_id',
      'g.reason_sealed',
      'g.opened_at',
      'g.expires_at',
      'p.id as panel_id',
      'p.name as panel_name',
      'u.name as user_name',
      'u.email as user_email',
      'o.name as organisation_name',
    ])
    .where('p.chair_user_id', '=', chairUserId)
    .where('g.seen_by_chair_at', 'is', null)
    .orderBy('g.id', 'desc')
    .execute()

export const findGlass = (db: Executor, id: number) =>
  db
    .selectFrom('case_break_glass as g')
    .innerJoin('case_referrals as r', 'r.id', 'g.referral_id')
    .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
    .select(['g.id', 'g.seen_by_chair_at', 'p.chair_user_id'])
    .where('g.id', '=', id)
    .executeTakeFirst()

export async function markSeen(db: Executor, id: number, at: string) {
  await db.updateTable('case_break_glass').set({ seen_by_chair_at: at }).where('id', '=', id).execute()
}
