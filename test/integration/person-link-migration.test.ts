import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { userPersonLink } from '../../src/db/migrations/0005_user_person_link.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

// An existing database gains users.person_id. Accounts are linked only where an email address says
// so beyond doubt; everything else is left for an administrator.

describe.each(DIALECTS)('migration 0005 on an existing %s database', (dialect) => {
  let database: TestDatabase
  let handle: DatabaseHandle
  const now = '2026-11-01T00:00:00.000Z'
  const stamps = { created_at: now, updated_at: now, version: 1 }

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    handle = openDatabase(database.url, { schema: database.schema })
    await migrateToLatest(handle.db, dialect)
  })
  afterAll(async () => {
    await handle?.close()
    await database?.drop()
  })

  it('links by exact, unique email address (any case), and leaves name twins and shared addresses unlinked', async () => {
    const { db } = handle
    // Back to the schema as it was before 0005, holding data as a live database would.
    await userPersonLink(dialect).down(db)
    const org = (
      await db
        .insertInto('organisations')
        .values({ name: 'Council', short_name: 'LBS', type: 'council', ...stamps })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const person = async (name: string, email: string | null) =>
      (
        await db
          .insertInto('people')
          .values({ name, email, job_title: null, organisation_id: null, ...stamps })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    // Written without person_id: the column is not there yet.
    const user = async (email: string, name: string) =>
      (
        await db
          .insertInto('users')
          .values({
            email,
            name,
            organisation_id: org,
            role: 'lead',
            password_hash: 'x',
            password_changed_at: now,
            ...stamps,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const helen = await person('Helen Lyons', 'Helen.Lyons@Met.example')
    await person('Ian Howells', 'shared@council.example')
    await person('Ian Howells (duplicate)', 'SHARED@council.example')
    const caroline = await person('Caroline Thwaites', null)
    const users = {
      helen: await user('helen.lyons@met.example', 'Helen Lyons'),
      ian: await user('shared@council.example', 'Ian Howells'),
      caroline: await user('caroline@council.example', 'Caroline Thwaites'),
      nobody: await user('nobody@council.example', 'Nobody'),
    }

    await userPersonLink(dialect).up(db)

    const links = Object.fromEntries(
      (await db.selectFrom('users').select(['id', 'person_id']).execute()).map((u) => [u.id, u.person_id]),
    )
    expect(links[users.helen]).toBe(helen)
    // Two people share the address: ambiguous, so not linked.
    expect(links[users.ian]).toBeNull()
    // Same name, no email on the person: names never link.
    expect(links[users.caroline]).toBeNull()
    expect(caroline).toBeGreaterThan(0)
    expect(links[users.nobody]).toBeNull()
  })

  it('refuses a second account for a person already linked, at the database itself', async () => {
    const { db } = handle
    const linked = await db
      .selectFrom('users')
      .select(['person_id'])
      .where('person_id', 'is not', null)
      .executeTakeFirstOrThrow()
    const other = await db
      .selectFrom('users')
      .select('id')
      .where('person_id', 'is', null)
      .executeTakeFirstOrThrow()
    await expect(
      db.updateTable('users').set({ person_id: linked.person_id }).where('id', '=', other.id).execute(),
    ).rejects.toThrow()
  })
})
