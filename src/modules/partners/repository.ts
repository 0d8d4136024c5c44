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

export async function listOrganisations(db: Executor) {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute()
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

export async function updateOrganisation(db: Executor, id: number, version: number, values: OrganisationValues, now: string) {
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

export async function listPeople(db: Executor) {
  return peopleWithOrganisation(db).select(personColumns).orderBy('people.name').execute()
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

export async function updatePerson(db: Executor, id: number, version: number, values: PersonValues, now: string) {
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
  return db.selectFrom('people').select(['id', 'name']).orderBy('id').execute()
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
  await db.insertInto('partnership').values({ id: 1, ...values, created_at: now, updated_at: now, version: 1 }).execute()
}

export async function updatePartnership(db: Executor, version: number, values: PartnershipValues, now: string) {
  const result = await db
    .updateTable('partnership')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', 1)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
