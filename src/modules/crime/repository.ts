import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { CrimeDefinitionTable, CrimeIngestTable } from './tables.ts'
import './tables.ts'

// Operational-database SQL for the crime module: ingest history and saved definitions.

export async function insertIngest(db: Executor, values: Insertable<CrimeIngestTable>) {
  const row = await db.insertInto('crime_ingests').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function listIngests(db: Executor, limit: number) {
  return db.selectFrom('crime_ingests').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

export async function findDefinition(db: Executor, key: string) {
  return db.selectFrom('crime_definitions').selectAll().where('key', '=', key).executeTakeFirst()
}

export async function insertDefinition(db: Executor, values: Insertable<CrimeDefinitionTable>) {
  const row = await db
    .insertInto('crime_definitions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateDefinition(
  db: Executor,
  key: string,
  version: number,
  values: Pick<
    CrimeDefinitionTable,
    'name' | 'description' | 'police_uk_types' | 'recorded_categories' | 'updated_at'
  >,
) {
  const result = await db
    .updateTable('crime_definitions')
    .set({ ...values, version: version + 1 })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
