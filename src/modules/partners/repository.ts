import type { Executor } from '../../db/database.ts'

export interface OrganisationValues {
  name: string
  short_name: string
  type: string
}

export interface PersonValues {
  name: string
  job_title: string | null
  organisation_id: number | null
  email: string | null
}

/** Organisations in use: one merged into another is left out. */
export async function listOrganisations(db: Executor) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('merged_into_id', 'is', null)
    .orderBy('name')
    .execute()
}

export async function findOrganisation(db: Executor, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOrganisationByName(db: Executor, name: string) {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function insertOrganisation(db: Executor, values: OrganisationValues, now: string) {
  const row = await db
    .insertInto('organisations')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateOrganisation(
  db: Executor,
  id: number,
  version: number,
  values: OrganisationValues,
  now: string,
) {
  const result = await db
    .updateTable('organisations')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

const personColumns = [
  'people.id',
  'people.name',
  'people.job_title',
  'people.organisation_id',
  'people.email',
  'people.created_at',
  'people.updated_at',
  'people.version',
  'organisations.name as organisation_name',
  'organisations.short_name as organisation_short_name',
] as const

function peopleWithOrganisation(db: Executor) {
  return db.selectFrom('people').leftJoin('organisations', 'organisations.id', 'people.organisation_id')
}

/** People in use: one merged into another is left out. */
export async function listPeople(db: Executor) {
  return peopleWithOrganisation(db)
    .select(personColumns)
    .where('people.merged_into_id', 'is', null)
    .orderBy('people.name')
    .execute()
}

export async function findPerson(db: Executor, id: number) {
  return peopleWithOrganisation(db).select(personColumns).where('people.id', '=', id).executeTakeFirst()
}

export async function insertPerson(db: Executor, values: PersonValues, now: string) {
  const row = await db
    .insertInto('people')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePerson(
  db: Executor,
  id: number,
  version: number,
  values: PersonValues,
  now: string,
) {
  const result = await db
    .updateTable('people')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Every person's id and name: few enough (hundreds) to match names in code, the same way on both databases. */
export async function listPersonNames(db: Executor) {
  return db.selectFrom('people').select(['id', 'name', 'merged_into_id']).orderBy('id').execute()
}

// Merging duplicates (migration 0011): the merged-away row stays, pointing at the survivor.

export async function survivorOf(db: Executor, table: 'people' | 'organisations', id: number) {
  const row = await db.selectFrom(table).select(['merged_into_id']).where('id', '=', id).executeTakeFirst()
  return row?.merged_into_id ?? null
}

export async function mergedInto(db: Executor, table: 'people' | 'organisations', id: number) {
  return db
    .selectFrom(table)
    .select(['id', 'name', 'merged_at', 'merged_by'])
    .where('merged_into_id', '=', id)
    .orderBy('merged_at')
    .orderBy('id')
    .execute()
}

/** Marks `from` merged into `into`, and sends whatever was merged into `from` before straight to `into`. */
export async function markMerged(
  db: Executor,
  table: 'people' | 'organisations',
  from: number,
  into: number,
  at: string,
  by: string,
) {
  await db.updateTable(table).set({ merged_into_id: into }).where('merged_into_id', '=', from).execute()
  await db
    .updateTable(table)
    .set((eb) => ({
      merged_into_id: into,
      merged_at: at,
      merged_by: by,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', from)
    .execute()
}

export async function countPeopleIn(db: Executor, organisationId: number) {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('merged_into_id', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function movePeopleBetweenOrganisations(db: Executor, from: number, into: number, now: string) {
  const result = await db
    .updateTable('people')
    .set((eb) => ({ organisation_id: into, updated_at: now, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The survivor keeps its own details; a blank one is filled from the duplicate's. */
export async function fillPersonBlanks(
  db: Executor,
  into: number,
  values: { job_title: string | null; organisation_id: number | null; email: string | null },
  now: string,
) {
  const current = await db
    .selectFrom('people')
    .select(['job_title', 'organisation_id', 'email'])
    .where('id', '=', into)
    .executeTakeFirstOrThrow()
  const fill = {
    ...(current.job_title === null && values.job_title !== null ? { job_title: values.job_title } : {}),
    ...(current.organisation_id === null && values.organisation_id !== null
      ? { organisation_id: values.organisation_id }
      : {}),
    ...(current.email === null && values.email !== null ? { email: values.email } : {}),
  }
  if (Object.keys(fill).length === 0) return fill
  await db
    .updateTable('people')
    .set((eb) => ({ ...fill, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', into)
    .execute()
  return fill
}

export async function findOrganisationByShortName(db: Executor, shortName: string) {
  const key = shortName.trim().toLowerCase()
  // Compared in code, as names are: SQLite's lower() folds only ASCII.
  return (await listOrganisations(db)).find((o) => o.short_name.trim().toLowerCase() === key)
}

/** Every person's name and email: for spotting a person already held before adding them again. */
export async function listPersonKeys(db: Executor) {
  return db.selectFrom('people').select(['id', 'name', 'email']).orderBy('id').execute()
}

export interface PartnershipValues {
  name: string
  area_code: string
  area_name: string
}

export async function findPartnership(db: Executor) {
  return db.selectFrom('partnership').selectAll().where('id', '=', 1).executeTakeFirst()
}

export async function insertPartnership(db: Executor, values: PartnershipValues, now: string) {
  await db
    .insertInto('partnership')
    .values({ id: 1, ...values, created_at: now, updated_at: now, version: 1 })
    .execute()
}

export async function updatePartnership(
  db: Executor,
  version: number,
  values: PartnershipValues,
  now: string,
) {
  const result = await db
    .updateTable('partnership')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', 1)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
