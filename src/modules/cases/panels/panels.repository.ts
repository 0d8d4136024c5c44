import type { Executor } from '../../../db/database.ts'

export interface PanelValues {
  name: string
  type: string
  terms_of_reference: string
  chair_user_id: number
  cadence: string
  isa_parties: string
  isa_legal_basis: string
  isa_review_date: string
  retention_years: number
  escalation_incidents: number
}

function panelsWithChairs(db: Executor) {
  return db
    .selectFrom('case_panels as p')
    .innerJoin('users as chair', 'chair.id', 'p.chair_user_id')
    .selectAll('p')
    .select(['chair.name as chair_name', 'chair.email as chair_email'])
}

export type PanelRow = NonNullable<Awaited<ReturnType<typeof findPanel>>>

export const listPanels = (db: Executor) => panelsWithChairs(db).orderBy('p.name').execute()

export const findPanel = (db: Executor, id: number) =>
  panelsWithChairs(db).where('p.id', '=', id).executeTakeFirst()

export const findPanelByName = (db: Executor, name: string) =>
  db.selectFrom('case_panels').select('id').where('name', '=', name).executeTakeFirst()

export const listMembers = (db: Executor, panelId: number) =>
  db
    .selectFrom('case_panel_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'o.name as organisation_name'])
    .where('m.panel_id', '=', panelId)
    .orderBy('u.name')
    .execute()

export const listOrganisations = (db: Executor, panelId: number) =>
  db
    .selectFrom('case_panel_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.id', 'o.name'])
    .where('po.panel_id', '=', panelId)
    .orderBy('o.name')
    .execute()

/** The member user ids of every panel: the need-to-know checks read them for each list. */
export const allMemberships = (db: Executor) =>
  db.selectFrom('case_panel_members').select(['panel_id', 'user_id']).execute()

export async function insertPanel(db: Executor, values: PanelValues, now: string): Promise<number> {
  const row = await db
    .insertInto('case_panels')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePanel(
  db: Executor,
  id: number,
  version: number,
  values: PanelValues,
  now: string,
) {
  const result = await db
    .updateTable('case_panels')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function setMembers(db: Executor, panelId: number, userIds: readonly number[]) {
  await db.deleteFrom('case_panel_members').where('panel_id', '=', panelId).execute()
  if (userIds.length)
    await db
      .insertInto('case_panel_members')
      .values(userIds.map((user_id) => ({ panel_id: panelId, user_id })))
      .execute()
}

export async function setOrganisations(db: Executor, panelId: number, organisationIds: readonly number[]) {
  await db.deleteFrom('case_panel_organisations').where('panel_id', '=', panelId).execute()
  if (organisationIds.length)
    await db
      .insertInto('case_panel_organisations')
      .values(organisationIds.map((organisation_id) => ({ panel_id: panelId, organisation_id })))
      .execute()
}
