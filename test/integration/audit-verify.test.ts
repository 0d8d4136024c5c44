import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

describe.each(DIALECTS)('audit log tamper evidence on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(dialect)
    for (let i = 0; i < 5; i++)
      await t.deps.services.partners.createPerson(TEST_ACTOR, { name: `Person ${i}` })
  })
  afterAll(() => t.close())

  const dropGuards = async () => {
    const db = t.deps.database.db
    if (dialect === 'sqlite') {
      await sql`drop trigger if exists audit_log_no_update`.execute(db)
      await sql`drop trigger if exists audit_log_no_delete`.execute(db)
    } else {
      await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(db)
    }
  }

  it('keeps secrets out of the log', async () => {
    const { rows } = await t.deps.services.audit.search({ action: 'user.create' }, 1)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.detail).not.toMatch(/password|argon2/i)
  })

  it('detects an edited entry, then a removed one', async () => {
    expect(await t.deps.services.audit.verify()).toMatchObject({ ok: true })
    await dropGuards()
    const db = t.deps.database.db
    const rows = await db.selectFrom('audit_log').select(['id']).orderBy('id').execute()
    const victim = rows[4]?.id as number

    await db
      .updateTable('audit_log')
      .set({ detail: '{"after":{"name":"Forged"}}' })
      .where('id', '=', victim)
      .execute()
    expect(await t.deps.services.audit.verify()).toMatchObject({
      ok: false,
      badEntryId: victim,
      reason: expect.stringContaining('altered'),
    })

    await db.deleteFrom('audit_log').where('id', '=', victim).execute()
    const next = rows[5]?.id as number
    expect(await t.deps.services.audit.verify()).toMatchObject({
      ok: false,
      badEntryId: next,
      reason: expect.stringContaining('removed'),
    })
  })
})
