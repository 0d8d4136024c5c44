import type { Executor } from '../../../db/database.ts'

export interface RiskReviewValues {
  referral_id: number
  reviewed_on: string
  risk_level: string
  risk_to: string
  risk_factors_sealed: string
  protective_factors_sealed: string
  reviewed_by_user_id: number | null
}

export async function insertReview(
  db: Executor,
  values: RiskReviewValues,
  options: Array<{ kind: string; option_sealed: string; intervention_service_id: number | null }>,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('case_risk_reviews')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [position, o] of options.entries())
    await db
      .insertInto('case_risk_options')
      .values({ review_id: id, ...o, position })
      .execute()
  return id
}

/** A case's reviews, the latest first. */
export const reviewsOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_risk_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewed_by_user_id')
    .selectAll('r')
    .select('u.name as reviewer_name')
    .where('r.referral_id', '=', referralId)
    .orderBy('r.reviewed_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
export type ReviewRow = Awaited<ReturnType<typeof reviewsOf>>[number]

export const optionsOf = (db: Executor, reviewIds: readonly number[]) =>
  reviewIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_risk_options')
        .selectAll()
        .where('review_id', 'in', reviewIds)
        .orderBy('review_id')
        .orderBy('position')
        .execute()

/** The latest risk level of each of the cases given. */
export async function latestLevels(db: Executor, referralIds: readonly number[]) {
  if (referralIds.length === 0) return new Map<number, { level: string; on: string }>()
  const rows = await db
    .selectFrom('case_risk_reviews')
    .select(['referral_id', 'risk_level', 'reviewed_on', 'id'])
    .where('referral_id', 'in', referralIds)
    .orderBy('reviewed_on')
    .orderBy('id')
    .execute()
  return new Map(rows.map((r) => [r.referral_id, { level: r.risk_level, on: r.reviewed_on }]))
}

/** The open cases of a panel with their subjects and roles: for the transitions list. */
export const openCasesWithSubjects = (db: Executor, panelIds: readonly number[]) =>
  panelIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_referrals as r')
        .innerJoin('case_referral_subjects as rs', 'rs.referral_id', 'r.id')
        .select(['r.id as referral_id', 'r.panel_id', 'r.referred_on', 'rs.subject_id', 'rs.role'])
        .where('r.panel_id', 'in', panelIds)
        .where('r.status', 'not in', ['declined', 'closed'])
        .orderBy('r.id')
        .orderBy('rs.id')
        .execute()

export async function insertTransition(
  db: Executor,
  values: {
    referral_id: number
    subject_id: number
    to_panel_id: number | null
    to_service_sealed: string | null
    transferred_on: string
    note_sealed: string | null
    recorded_by_user_id: number | null
  },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('case_transitions')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export const transitionsOf = (db: Executor, referralIds: readonly number[]) =>
  referralIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_transitions as t')
        .leftJoin('case_panels as p', 'p.id', 't.to_panel_id')
        .selectAll('t')
        .select('p.name as to_panel_name')
        .where('t.referral_id', 'in', referralIds)
        .orderBy('t.transferred_on')
        .orderBy('t.id')
        .execute()

/** Which of these ids are services in the interventions directory. */
export const knownInterventions = async (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? new Set<number>()
    : new Set(
        (await db.selectFrom('case_interventions').select('id').where('id', 'in', ids).execute()).map((r) =>
          Number(r.id),
        ),
      )
