import type { Executor } from '../../../db/database.ts'
import type { CaseAsbApplicationTable } from './tables.ts'

export type ApplicationValues = Omit<CaseAsbApplicationTable, 'id' | 'created_at' | 'updated_at' | 'version'>
export interface ComplaintValues {
  reported_on: string
  incident_on: string | null
  agency: string
  hate_incident: number
  household_sealed: string | null
}

export async function insertApplication(
  db: Executor,
  values: ApplicationValues,
  complaints: ComplaintValues[],
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('case_asb_applications')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [position, c] of complaints.entries())
    await db
      .insertInto('case_asb_complaints')
      .values({ application_id: id, ...c, position })
      .execute()
  return id
}

export const findApplication = (db: Executor, id: number) =>
  db.selectFrom('case_asb_applications').selectAll().where('id', '=', id).executeTakeFirst()
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>

export const applicationsOfPanel = (db: Executor, panelId: number) =>
  db
    .selectFrom('case_asb_applications')
    .selectAll()
    .where('panel_id', '=', panelId)
    .orderBy('received_on', 'desc')
    .orderBy('id', 'desc')
    .execute()

export const complaintsOf = (db: Executor, applicationIds: readonly number[]) =>
  applicationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('case_asb_complaints')
        .selectAll()
        .where('application_id', 'in', applicationIds)
        .orderBy('application_id')
        .orderBy('position')
        .execute()

/** Every application Safer holds, by its keys and date only: for the repeat flags, reading no one. */
export const applicationKeys = (db: Executor) =>
  db
    .selectFrom('case_asb_applications')
    .select(['id', 'applicant_index', 'location_index', 'received_on'])
    .execute()

export async function recordStep(
  db: Executor,
  id: number,
  version: number,
  changes: Partial<
    Pick<
      CaseAsbApplicationTable,
      | 'acknowledged_on'
      | 'decided_on'
      | 'threshold_met'
      | 'decision_reason_sealed'
      | 'met_on'
      | 'recommendations_sealed'
    >
  >,
  now: string,
) {
  const result = await db
    .updateTable('case_asb_applications')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
