import type { Executor } from '../../../db/database.ts'
import './tables.ts'

// Every IOM query. Rows name a subject by id; the sealed columns are opened by the services.

export interface OffenceValues {
  panel_id: number
  subject_id: number
  offence_date: string
  offence_group: string
  home_office_code: string | null
  source_note_sealed: string | null
}

export async function insertOffence(db: Executor, values: OffenceValues, now: string): Promise<number> {
  const row = await db
    .insertInto('iom_offences')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const offencesOf = (db: Executor, panelId: number, subjectIds: readonly number[]) =>
  subjectIds.length
    ? db
        .selectFrom('iom_offences')
        .selectAll()
        .where('panel_id', '=', panelId)
        .where('subject_id', 'in', subjectIds)
        .orderBy('offence_date', 'desc')
        .orderBy('id')
        .execute()
    : Promise.resolve([])

export type OffenceRow = Awaited<ReturnType<typeof offencesOf>>[number]

export const findOffence = (db: Executor, id: number) =>
  db.selectFrom('iom_offences').selectAll().where('id', '=', id).executeTakeFirst()

export const deleteOffence = (db: Executor, id: number) =>
  db.deleteFrom('iom_offences').where('id', '=', id).execute()

/** The subjects named on the panel's cases: live ones (submitted, accepted, heard), or closed too. */
export const subjectsOnPanel = (db: Executor, panelId: number, { withClosed = false } = {}) =>
  db
    .selectFrom('case_referral_subjects as rs')
    .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
    .select(['rs.subject_id', 'rs.referral_id', 'rs.role'])
    .where('r.panel_id', '=', panelId)
    .where('r.status', 'not in', withClosed ? ['declined'] : ['declined', 'closed'])
    .orderBy('rs.subject_id')
    .orderBy('rs.referral_id')
    .execute()

export const findSettings = (db: Executor, panelId: number) =>
  db.selectFrom('iom_settings').selectAll().where('panel_id', '=', panelId).executeTakeFirst()

export async function saveSettings(
  db: Executor,
  panelId: number,
  settings: string,
  version: number | null,
  now: string,
): Promise<boolean> {
  if (version === null) {
    await db
      .insertInto('iom_settings')
      .values({ panel_id: panelId, settings, created_at: now, updated_at: now, version: 1 })
      .execute()
    return true
  }
  const result = await db
    .updateTable('iom_settings')
    .set({ settings, updated_at: now, version: version + 1 })
    .where('panel_id', '=', panelId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface DecisionValues {
  panel_id: number
  subject_id: number
  decision: string
  decided_on: string
  score: number
  reason_sealed: string
  decided_by_user_id: number | null
}

export async function insertDecision(db: Executor, values: DecisionValues, now: string): Promise<number> {
  const row = await db
    .insertInto('iom_candidate_decisions')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const decisionsOf = (db: Executor, panelId: number) =>
  db.selectFrom('iom_candidate_decisions').selectAll().where('panel_id', '=', panelId).orderBy('id').execute()

export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number]

export interface MembershipValues {
  panel_id: number
  subject_id: number
  cohort: string
  selected_on: string
  selection_reason_sealed: string
  eligibility: string
}

export async function insertMembership(db: Executor, values: MembershipValues, now: string) {
  const row = await db
    .insertInto('iom_cohort_memberships')
    .values({
      ...values,
      deselected_on: null,
      deselection_reason: null,
      deselection_note_sealed: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const membershipsOf = (db: Executor, panelId: number) =>
  db
    .selectFrom('iom_cohort_memberships')
    .selectAll()
    .where('panel_id', '=', panelId)
    .orderBy('selected_on')
    .orderBy('id')
    .execute()

export type MembershipRow = Awaited<ReturnType<typeof membershipsOf>>[number]

export async function deselect(
  db: Executor,
  id: number,
  version: number,
  values: { deselected_on: string; deselection_reason: string; deselection_note_sealed: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('iom_cohort_memberships')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deselected_on', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export const pathwaysOf = (db: Executor, panelId: number, subjectIds: readonly number[]) =>
  subjectIds.length
    ? db
        .selectFrom('iom_pathways')
        .selectAll()
        .where('panel_id', '=', panelId)
        .where('subject_id', 'in', subjectIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([])

export type PathwayRow = Awaited<ReturnType<typeof pathwaysOf>>[number]

export interface PathwayValues {
  need: string
  progress: string | null
  reviewed_on: string
  note_sealed: string | null
}

export async function savePathway(
  db: Executor,
  key: { panel_id: number; subject_id: number; pathway: string },
  values: PathwayValues,
  existing: PathwayRow | undefined,
  now: string,
): Promise<void> {
  if (!existing) {
    await db
      .insertInto('iom_pathways')
      .values({ ...key, ...values, created_at: now, updated_at: now, version: 1 })
      .execute()
    return
  }
  await db
    .updateTable('iom_pathways')
    .set({ ...values, updated_at: now, version: existing.version + 1 })
    .where('id', '=', existing.id)
    .execute()
}

/** The panels whose cases (not declined) name the subject. */
export const panelsOfSubject = (db: Executor, subjectId: number) =>
  db
    .selectFrom('case_referral_subjects as rs')
    .innerJoin('case_referrals as r', 'r.id', 'rs.referral_id')
    .select('r.panel_id')
    .distinct()
    .where('rs.subject_id', '=', subjectId)
    .where('r.status', '<>', 'declined')
    .execute()
