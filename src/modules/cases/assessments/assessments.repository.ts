import type { Insertable } from 'kysely'
import type { Executor } from '../../../db/database.ts'
import type { CaseAssessmentTable } from '../meetings/tables.ts'

export async function insertAssessment(
  db: Executor,
  values: Insertable<CaseAssessmentTable>,
): Promise<number> {
  const row = await db.insertInto('case_assessments').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export const assessmentsOf = (db: Executor, referralId: number) =>
  db
    .selectFrom('case_assessments')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('assessed_on', 'desc')
    .orderBy('id', 'desc')
    .execute()

/** The newest assessment's repeat flag of each referral: what a case list and the return ask. */
export async function repeatFlags(
  db: Executor,
  referralIds: readonly number[],
): Promise<Map<number, boolean>> {
  if (referralIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('case_assessments')
    .select(['referral_id', 'repeat_marac', 'id'])
    .where('referral_id', 'in', referralIds)
    .orderBy('id')
    .execute()
  return new Map(rows.map((r) => [r.referral_id, r.repeat_marac === 1]))
}

/**
 * The subject's last referral as a victim to any MARAC on or before a date, leaving out one referral
 * (the one being assessed) and declined ones, which never reached a panel.
 */
export const lastMaracReferral = (
  db: Executor,
  subjectId: number,
  onOrBefore: string,
  except: number | null,
) =>
  db
    .selectFrom('case_referral_subjects as rs')
    .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
    .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
    .select(['r.id', 'r.referred_on'])
    .where('rs.subject_id', '=', subjectId)
    .where('rs.role', '=', 'victim')
    .where('p.type', '=', 'marac')
    .where('r.status', '!=', 'declined')
    .where('r.referred_on', '<=', onOrBefore)
    .$if(except !== null, (q) => q.where('r.id', '!=', except as number))
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirst()
