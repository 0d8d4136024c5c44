import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.ts'
import { createDeps } from '../../src/deps.ts'
import { buildTestApp, TEST_ACTOR, TEST_PASSWORD, type TestApp, testConfig } from '../helpers/app.ts'
import { createTestDatabase, DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'

// The administrator's reminders page, sending by hand, and the schedule the server starts.

const PUBLIC_URL = 'https://safer.test.example'

describe.each(DIALECTS)('the reminders page and schedule on %s', (dialect) => {
  let smtp: TestSmtpServer
  let t: TestApp
  let admin: Browser

  beforeAll(async () => {
    smtp = await startSmtpServer()
    t = await buildTestApp(dialect, { SMTP_URL: smtp.url, PUBLIC_URL })
    const s = t.deps.services
    const planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    const d = (await s.plans.getPlan(planId)).themes
      .flatMap((th) => th.actions.flatMap((a) => a.deliverables))
      .find((x) => x.leads.includes('Det Supt Helen Lyons'))
    const lead = await s.users.get(t.userIds.lead)
    await s.users.linkPerson(TEST_ACTOR, lead.id, {
      personId: d?.leadPersonIds[d.leads.indexOf('Det Supt Helen Lyons')],
    })
    admin = new Browser(t.app)
    await admin.signIn('admin@test.example')
  })
  afterAll(async () => {
    await t?.close()
    await smtp?.close()
  })

  it('shows an administrator who would get a reminder and who is skipped, and audits that read', async () => {
    const page = await admin.get('/admin/reminders')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('lead@test.example')
    expect(page.body).toContain('partnership-manager@test.example')
    expect(page.body).toContain('Send reminders now')
    expect(page.body).toContain('None: REMINDER_SCHEDULE is not set')
    expect(smtp.messages).toEqual([])
    const viewed = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['entity_type', 'actor_user_id', 'detail'])
      .where('action', '=', 'viewed')
      .where('entity_type', '=', 'reminder recipients')
      .execute()
    expect(viewed).toEqual([
      {
        entity_type: 'reminder recipients',
        actor_user_id: t.userIds.admin,
        detail: JSON.stringify({ path: '/admin/reminders' }),
      },
    ])
  })

  it('sends by hand for an administrator, and refuses everyone else', async () => {
    const sent = await admin.post('/admin/reminders')
    expect(sent.statusCode).toBe(303)
    expect(decodeURIComponent(String(sent.headers.location))).toContain('Reminders sent: 2, 0 skipped')
    expect(smtp.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([
      'lead@test.example',
      'partnership-manager@test.example',
    ])
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    expect((await manager.get('/admin/reminders')).statusCode).toBe(403)
    expect((await manager.post('/admin/reminders')).statusCode).toBe(403)
    expect(smtp.messages).toHaveLength(2)
  })

  it('starts the schedule only when configured, and refuses a schedule it cannot read', async () => {
    const database = await createTestDatabase(dialect)
    const open = (env: Record<string, string>) =>
      createDeps(testConfig(database.url, { DATA_DIR: t.deps.config.dataDir, ...env }), {
        schema: database.schema,
      })
    try {
      const bad = await open({ REMINDER_SCHEDULE: 'every monday', SMTP_URL: smtp.url, PUBLIC_URL })
      await expect(createApp(bad)).rejects.toThrow(
        'REMINDER_SCHEDULE must be a day and a time, London time, such as "monday 08:00"',
      )
      await bad.database.close()
      const noLinks = await open({ REMINDER_SCHEDULE: 'monday 08:00', SMTP_URL: smtp.url, PUBLIC_URL: '' })
      await expect(createApp(noLinks)).rejects.toThrow('REMINDER_SCHEDULE is set but PUBLIC_URL is not')
      await noLinks.database.close()
      // Configured: the app starts with the timer running, and closes without waiting for it.
      const good = await open({ REMINDER_SCHEDULE: 'monday 08:00', SMTP_URL: smtp.url, PUBLIC_URL })
      const { app } = await createApp(good)
      await app.close()
      await good.database.close()
    } finally {
      await database.drop()
    }
  })

  it('says on the page what is missing when the mail server is not set', async () => {
    const database = await createTestDatabase(dialect)
    const deps = await createDeps(testConfig(database.url, { DATA_DIR: t.deps.config.dataDir }), {
      schema: database.schema,
    })
    try {
      const { app } = await createApp(deps)
      const org = await deps.services.partners.createOrganisation(TEST_ACTOR, {
        name: 'Council',
        shortName: 'C',
        type: 'council',
      })
      await deps.services.users.create(TEST_ACTOR, {
        email: 'admin@test.example',
        name: 'Admin',
        organisationId: org,
        role: 'admin',
        password: TEST_PASSWORD,
      })
      const browser = new Browser(app)
      await browser.signIn('admin@test.example')
      const page = await browser.get('/admin/reminders')
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('PUBLIC_URL is not set, so reminders cannot link to Safer.')
      expect(page.body).not.toContain('Send reminders now')
      const refused = await browser.post('/admin/reminders')
      expect(refused.statusCode).toBe(409)
      expect(refused.body).toContain('Reminders were not sent')
      await app.close()
    } finally {
      await deps.database.close()
      await database.drop()
    }
  })
})
