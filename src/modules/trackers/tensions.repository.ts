import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { TensionAssessmentTable } from './tables.ts'

export type AssessmentValues = Omit<
  Insertable<TensionAssessmentTable>,
  'id' | 'created_at' | 'updated_at' | 'version'
>

/** Every assessment, oldest first within each area: the trend needs each one's predecessor. */
export async function listAssessments(db: Executor, areaCode?: string | null) {
  let q = db.selectFrom('tension_assessments').selectAll()
  // null is the whole area; a code is a ward.
  if (areaCode === null) q = q.where('area_kind', '=', 'area')
  else if (areaCode !== undefined) q = q.where('area_code', '=', areaCode)
  return q.orderBy('area_name').orderBy('assessed_on').orderBy('id').execute()
}

export async function findAssessment(db: Executor, id: number) {
  return db.selectFrom('tension_assessments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertAssessment(db: Executor, values: AssessmentValues, now: string) {
  const row = await db
    .insertInto('tension_assessments')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function listIndicators(db: Executor, assessmentId: number) {
  return db
    .selectFrom('tension_indicators')
    .select(['indicator', 'level', 'note'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute()
}

export async function insertIndicators(
  db: Executor,
  assessmentId: number,
  rows: Array<{ indicator: string; level: number; note: string | null }>,
) {
  if (rows.length)
    await db
      .insertInto('tension_indicators')
      .values(rows.map((r) => ({ assessment_id: assessmentId, ...r })))
      .execute()
}

export async function listContributions(db: Executor, assessmentId: number) {
  return db
    .selectFrom('tension_contributions as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['o.id', 'o.name', 'c.note'])
    .where('c.assessment_id', '=', assessmentId)
    .orderBy('c.id')
    .execute()
}

export async function insertContributions(
  db: Executor,
  assessmentId: number,
  rows: Array<{ organisationId: number; note: string }>,
) {
  if (rows.length)
    await db
      .insertInto('tension_contributions')
      .values(
        rows.map((r) => ({ assessment_id: assessmentId, organisation_id: r.organisationId, note: r.note })),
      )
      .execute()
}
