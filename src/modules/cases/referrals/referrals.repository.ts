import type { Executor } from '../../../db/database.ts'

export interface ReferralValues {
  panel_id: number
  referring_organisation_id: number
  referring_user_id: number
  status: string
  referred_on: string
  reasons_sealed: string
  risk_sealed: string
  consent: string
  consent_decision_sealed: string | null
}

export async function insertReferral(db: Executor, values: ReferralValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_referrals')
    .values({
      ...values,
      decided_on: null,
      heard_on: null,
      closed_on: null,
      decline_reason_sealed: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertReferralSubject(
  db: Executor,
  referralId: number,
  subjectId: number,
  role: string,
) {
  await db
    .insertInto('case_referral_subjects')
    .values({ referral_id: referralId, subject_id: subjectId, role })
    .execute()
}

export async function insertMatchDecision(
  db: Executor,
  values: {
    referral_id: number
    candidate_subject_id: number
    subject_id: number
    decision: string
    matched_on: string
    decided_by_user_id: number | null
    decided_at: string
  },
) {
  await db.insertInto('case_match_decisions').values(values).execute()
}

function referralsWithNames(db: Executor) {
  return db
    .selectFrom('case_referrals as r')
    .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
    .innerJoin('organisations as o', 'o.id', 'r.referring_organisation_id')
    .innerJoin('users as u', 'u.id', 'r.referring_user_id')
    .selectAll('r')
    .select([
      'p.name as panel_name',
      'o.name as referring_organisation_name',
      'u.name as referring_user_name',
    ])
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>

export const findReferral = (db: Executor, id: number) =>
  referralsWithNames(db).where('r.id', '=', id).executeTakeFirst()

/** The panel holding a referral, and nothing else of it: what the policy asks first. */
export const panelOfReferral = (db: Executor, id: number) =>
  db.selectFrom('case_referrals').select(['id', 'panel_id']).where('id', '=', id).executeTakeFirst()

export const listReferrals = (db: Executor, panelIds: readonly number[]) =>
  panelIds.length === 0
    ? Promise.resolve([])
    : referralsWithNames(db)
        .where('r.panel_id', 'in', panelIds)
        .orderBy('r.referred_on', 'desc')
        .orderBy('r.id', 'desc')
        .execute()

export const subjectsOfReferrals = (db: Executor, referralIds: readonly number[]) =>
  referralIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_referral_subjects')
        .select(['referral_id', 'subject_id', 'role'])
        .where('referral_id', 'in', referralIds)
        .orderBy('id')
        .execute()

/** Every referral naming any of these subjects, with the panel and its chair to signpost to. */
export const referralsOfSubjects = (db: Executor, subjectIds: readonly number[]) =>
  subjectIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_referral_subjects as rs')
        .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
        .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
        .innerJoin('users as chair', 'chair.id', 'p.chair_user_id')
        .select([
          'rs.subject_id',
          'rs.role',
          'r.id as referral_id',
          'r.status',
          'r.referred_on',
          'p.id as panel_id',
          'p.name as panel_name',
          'chair.name as chair_name',
          'chair.email as chair_email',
        ])
        .where('rs.subject_id', 'in', subjectIds)
        .orderBy('r.id')
        .execute()

export async function moveReferral(
  db: Executor,
  id: number,
  version: number,
  values: Partial<{
    status: string
    decided_on: string
    heard_on: string
    closed_on: string
    decline_reason_sealed: string
  }>,
  now: string,
) {
  const result = await db
    .updateTable('case_referrals')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
