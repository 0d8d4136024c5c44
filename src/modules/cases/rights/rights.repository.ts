import { sql } from 'kysely'
import type { Executor } from '../../../db/database.ts'

// SQL for the rights: retention, subject access, key rotation and merges.

/** Closed cases with their panel's retention period: the due date is worked out by the service. */
export const closedCases = (db: Executor, panelIds?: readonly number[]) => {
  let q = db
    .selectFrom('case_referrals as r')
    .innerJoin('case_panels as p', 'p.id', 'r.panel_id')
    .select(['r.id', 'r.panel_id', 'p.name as panel_name', 'p.retention_years', 'r.closed_on'])
    .where('r.status', '=', 'closed')
    .where('r.closed_on', 'is not', null)
  if (panelIds) q = q.where('r.panel_id', 'in', panelIds.length ? panelIds : [-1])
  return q.orderBy('r.closed_on').orderBy('r.id').execute()
}

export const linksOfCase = (db: Executor, caseId: number) =>
  db
    .selectFrom('case_referral_subjects')
    .select(['id', 'subject_id'])
    .where('referral_id', '=', caseId)
    .execute()

export const linksOfSubjects = (db: Executor, subjectIds: readonly number[]) =>
  subjectIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_referral_subjects')
        .select(['id', 'referral_id', 'subject_id', 'role'])
        .where('subject_id', 'in', subjectIds)
        .orderBy('referral_id')
        .execute()

/** The subjects merged into this one (and not un-merged). */
export const mergedInto = (db: Executor, subjectId: number) =>
  db
    .selectFrom('case_subjects')
    .select('id')
    .where('merged_into_subject_id', '=', subjectId)
    .execute()
    .then((rows) => rows.map((r) => r.id))

export async function deleteCaseRows(trx: Executor, caseId: number) {
  await trx.deleteFrom('case_break_glass').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_match_decisions').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_referral_subjects').where('referral_id', '=', caseId).execute()
  await trx.deleteFrom('case_referrals').where('id', '=', caseId).execute()
}

/** Subjects, with everything that points at them; merged ones first, as they point at the one kept. */
export async function deleteSubjects(trx: Executor, subjectIds: readonly number[]) {
  if (!subjectIds.length) return
  await trx
    .deleteFrom('case_match_decisions')
    .where((eb) => eb.or([eb('candidate_subject_id', 'in', subjectIds), eb('subject_id', 'in', subjectIds)]))
    .execute()
  await trx
    .deleteFrom('case_subject_merges')
    .where((eb) =>
      eb.or([eb('kept_subject_id', 'in', subjectIds), eb('merged_subject_id', 'in', subjectIds)]),
    )
    .execute()
  await trx.deleteFrom('case_subject_aliases').where('subject_id', 'in', subjectIds).execute()
  await trx.deleteFrom('case_subject_addresses').where('subject_id', 'in', subjectIds).execute()
  await trx
    .deleteFrom('case_subjects')
    .where('id', 'in', subjectIds)
    .where('merged_into_subject_id', 'is not', null)
    .execute()
  await trx.deleteFrom('case_subjects').where('id', 'in', subjectIds).execute()
}

/** Every stored value of one sealed column, by row id. The table and column come from CASE_PARTS, never input. */
export const sealedValues = (db: Executor, table: string, column: string) =>
  sql<{
    id: number
    value: string
  }>`select id, ${sql.ref(column)} as value from ${sql.table(table)} where ${sql.ref(column)} is not null order by id`
    .execute(db)
    .then((r) => r.rows.map((row) => ({ id: Number(row.id), value: row.value })))

export async function setSealedValue(db: Executor, table: string, column: string, id: number, value: string) {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where id = ${id}`.execute(db)
}

export const allSubjectIndexes = (db: Executor) =>
  db
    .selectFrom('case_subjects')
    .select(['id', 'identity_sealed', 'name_dob_index', 'surname_dob_index'])
    .orderBy('id')
    .execute()

export const allAliases = (db: Executor) =>
  db
    .selectFrom('case_subject_aliases as a')
    .innerJoin('case_subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.name_sealed', 's.identity_sealed', 'a.name_dob_index', 'a.surname_dob_index'])
    .orderBy('a.id')
    .execute()

export async function setSubjectIndexes(
  db: Executor,
  table: 'case_subjects' | 'case_subject_aliases',
  id: number,
  index: { name_dob_index: string; surname_dob_index: string },
) {
  await db.updateTable(table).set(index).where('id', '=', id).execute()
}

// Merges.

export const findMerge = (db: Executor, id: number) =>
  db.selectFrom('case_subject_merges').selectAll().where('id', '=', id).executeTakeFirst()

export const mergesOf = (db: Executor, subjectId: number) =>
  db
    .selectFrom('case_subject_merges')
    .selectAll()
    .where((eb) => eb.or([eb('kept_subject_id', '=', subjectId), eb('merged_subject_id', '=', subjectId)]))
    .orderBy('id')
    .execute()

export async function insertMerge(
  db: Executor,
  values: {
    kept_subject_id: number
    merged_subject_id: number
    moved_link_ids: string
    reason_sealed: string
    merged_by_user_id: number
    merged_at: string
  },
): Promise<number> {
  const row = await db
    .insertInto('case_subject_merges')
    .values({ ...values, undone_by_user_id: null, undone_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function moveLinks(db: Executor, linkIds: readonly number[], from: number, to: number) {
  if (!linkIds.length) return
  await db
    .updateTable('case_referral_subjects')
    .set({ subject_id: to })
    .where('id', 'in', linkIds)
    .where('subject_id', '=', from)
    .execute()
}

export async function setMergedInto(db: Executor, subjectId: number, into: number | null, now: string) {
  await db
    .updateTable('case_subjects')
    .set((eb) => ({ merged_into_subject_id: into, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', subjectId)
    .execute()
}

export async function markMergeUndone(db: Executor, id: number, userId: number, now: string) {
  await db
    .updateTable('case_subject_merges')
    .set({ undone_by_user_id: userId, undone_at: now })
    .where('id', '=', id)
    .execute()
}

// Rectification.

export async function updateSubject(
  db: Executor,
  id: number,
  version: number,
  values: {
    identity_sealed: string
    profile_sealed: string
    name_dob_index: string
    surname_dob_index: string
  },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('case_subjects')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function clearAliasesAndAddresses(db: Executor, id: number) {
  await db.deleteFrom('case_subject_aliases').where('subject_id', '=', id).execute()
  await db.deleteFrom('case_subject_addresses').where('subject_id', '=', id).execute()
}
