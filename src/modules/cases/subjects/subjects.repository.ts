import type { Executor } from '../../../db/database.ts'

export interface SubjectValues {
  identity_sealed: string
  profile_sealed: string
  name_dob_index: string
  surname_dob_index: string
}

export interface IndexValues {
  name_dob_index: string
  surname_dob_index: string
}

export async function insertSubject(db: Executor, values: SubjectValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_subjects')
    .values({ ...values, merged_into_subject_id: null, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertAlias(db: Executor, subjectId: number, nameSealed: string, index: IndexValues) {
  await db
    .insertInto('case_subject_aliases')
    .values({ subject_id: subjectId, name_sealed: nameSealed, ...index })
    .execute()
}

export async function insertAddress(
  db: Executor,
  subjectId: number,
  addressSealed: string,
  position: number,
) {
  await db
    .insertInto('case_subject_addresses')
    .values({ subject_id: subjectId, address_sealed: addressSealed, position })
    .execute()
}

export const findSubject = (db: Executor, id: number) =>
  db.selectFrom('case_subjects').selectAll().where('id', '=', id).executeTakeFirst()

export const aliasesOf = (db: Executor, id: number) =>
  db
    .selectFrom('case_subject_aliases')
    .select('name_sealed')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute()

export const addressesOf = (db: Executor, id: number) =>
  db
    .selectFrom('case_subject_addresses')
    .select('address_sealed')
    .where('subject_id', '=', id)
    .orderBy('position')
    .execute()

/**
 * Subjects whose name or any alias has either hash: each once, with the stronger match where both
 * agree. A subject merged into another is found as the one it was merged into (ADR 0031).
 */
export async function subjectsMatching(db: Executor, index: IndexValues) {
  const bySubject = await db
    .selectFrom('case_subjects')
    .select((eb) => [eb.fn.coalesce('merged_into_subject_id', 'id').as('subject_id'), 'name_dob_index'])
    .where((eb) =>
      eb.or([
        eb('name_dob_index', '=', index.name_dob_index),
        eb('surname_dob_index', '=', index.surname_dob_index),
      ]),
    )
    .execute()
  const byAlias = await db
    .selectFrom('case_subject_aliases as a')
    .innerJoin('case_subjects as s', 's.id', 'a.subject_id')
    .select((eb) => [
      eb.fn.coalesce('s.merged_into_subject_id', 'a.subject_id').as('subject_id'),
      'a.name_dob_index',
    ])
    .where((eb) =>
      eb.or([
        eb('a.name_dob_index', '=', index.name_dob_index),
        eb('a.surname_dob_index', '=', index.surname_dob_index),
      ]),
    )
    .execute()
  return [...bySubject, ...byAlias]
}
