import type { Executor } from '../../../db/database.ts'

export async function insertVafAssessment(
  db: Executor,
  values: {
    referral_id: number
    assessed_on: string
    assessed_by_user_id: number | null
    ratings_sealed: string
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('case_vaf_assessments')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const vafAssessmentsOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_vaf_assessments')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('assessed_on')
    .orderBy('id')
    .execute()

export async function insertConsent(
  db: Executor,
  values: {
    referral_id: number
    decision: string
    given_by: string
    decided_on: string
    obtained_by_sealed: string
    note_sealed: string | null
    recorded_by_user_id: number | null
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('case_channel_consents')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const consentsOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_channel_consents')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('decided_on')
    .orderBy('id')
    .execute()

export async function insertSupport(
  db: Executor,
  values: {
    referral_id: number
    support_type: string
    provider_sealed: string
    starts_on: string
    ends_on: string | null
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('case_channel_support')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const supportOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_channel_support')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
