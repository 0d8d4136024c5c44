import type { Executor } from '../../../db/database.ts'

/** Statuses of a case the panel holds and has not closed: its cohort. */
export const OPEN_STATUSES = ['accepted', 'heard'] as const

/** The subjects of the panel's open cases, each once, in the order first referred. */
export async function openCaseSubjects(db: Executor, panelId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('case_referral_subjects as rs')
    .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
    .innerJoin('case_subjects as s', 's.id', 'rs.subject_id')
    .select('rs.subject_id')
    .where('r.panel_id', '=', panelId)
    .where('r.status', 'in', [...OPEN_STATUSES])
    .where('s.merged_into_subject_id', 'is', null)
    .orderBy('rs.id')
    .execute()
  return [...new Set(rows.map((r) => r.subject_id))]
}

/** Of these subjects, those ever on a case of the panel: only they may be named as its cohort. */
export async function subjectsEverOnPanel(
  db: Executor,
  panelId: number,
  subjectIds: readonly number[],
): Promise<Set<number>> {
  if (subjectIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('case_referral_subjects as rs')
    .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
    .select('rs.subject_id')
    .where('r.panel_id', '=', panelId)
    .where('rs.subject_id', 'in', [...subjectIds])
    .execute()
  return new Set(rows.map((r) => r.subject_id))
}

/** Of these subjects, those still held: a case deleted under retention takes its people with it. */
export async function subjectsHeld(db: Executor, subjectIds: readonly number[]): Promise<Set<number>> {
  if (subjectIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('case_subjects')
    .select('id')
    .where('id', 'in', [...subjectIds])
    .execute()
  return new Set(rows.map((r) => r.id))
}
