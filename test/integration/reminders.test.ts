import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../src/deps.ts'
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts'
import type { PlanView } from '../../src/modules/plans/plan-view.ts'
import { createRemindersService, RemindersNotConfiguredError } from '../../src/modules/reminders/service.ts'
import { buildTestApp, TEST_ACTOR, TEST_PASSWORD, type TestApp, testConfig } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'

// The weekly reminders, sent through a real SMTP server started here and read back as they
// arrived: each lead gets only their own live deliverables that need them, managers get counts.

const PUBLIC_URL = 'https://safer.test.example'
const TODAY = '2026-11-30'

type Deliverable = PlanView['themes'][number]['actions'][number]['deliverables'][number]

/** Written independently of the service: what "needs attention" means to a partnership. */
const needsAttention = (d: Deliverable) =>
  d.rag === 'red' || d.flags.overdue || d.flags.stale || (d.rag !== 'blue' && d.latestUpdateOn === null)

const linksIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0])
const deliverableIdsIn = (text: string) =>
  [...text.matchAll(/\/deliverables\/(\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b)
const mailTo = (smtp: TestSmtpServer, email: string) =>
  smtp.messages.filter((m) => m.envelopeTo.includes(email))

describe.each(DIALECTS)('e-mail reminders on %s', (dialect) => {
  let smtp: TestSmtpServer
  let t: TestApp
  let plan: PlanView
  const people: Record<string, { personId: number; userId: number; email: string; name: string }> = {}
  let deliverables: Deliverable[]

  const ledBy = (personId: number) => deliverables.filter((d) => d.leadPersonIds.includes(personId))

  async function addLeadUser(
    key: string,
    leadName: string,
    email: string,
    role: 'lead' | 'partnership-manager' = 'lead',
  ) {
    const d = deliverables.find((x) => x.leads.includes(leadName)) as Deliverable
    const personId = d.leadPersonIds[d.leads.indexOf(leadName)] as number
    const name = leadName.replace(/^(Det Supt|Supt|DCI|Cllr|Insp|Ch Insp|Dr) /, '')
    const userId = await t.deps.services.users.create(TEST_ACTOR, {
      email,
      name,
      organisationId: t.organisationId,
      role,
      personId,
      password: TEST_PASSWORD,
    })
    people[key] = { personId, userId, email, name }
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    t = await buildTestApp(dialect, {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      REMINDER_FROM: 'Safer reminders <reminders@test.example>',
      REMINDER_SCHEDULE: 'monday 08:00',
    })
    const s = t.deps.services
    const planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    deliverables = (await s.plans.getPlan(planId, TODAY)).themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables),
    )
    // The plan's leads, by how many deliverables each leads: the busiest four get accounts.
    const leadCounts = new Map<string, number>()
    for (const d of deliverables) for (const l of d.leads) leadCounts.set(l, (leadCounts.get(l) ?? 0) + 1)
    const busiest = [...leadCounts].sort((a, b) => b[1] - a[1]).map(([name]) => name)
    const [first, second, third, fourth, fifth] = busiest.filter((n) => n !== 'Det Supt Helen Lyons')
    await addLeadUser('helen', 'Det Supt Helen Lyons', 'helen.lyons@test.example')
    await addLeadUser('other', first as string, 'other.lead@test.example')
    await addLeadUser('refused', second as string, 'refused.lead@test.example')
    await addLeadUser('upToDate', third as string, 'up.to.date@test.example')
    await addLeadUser('disabled', fourth as string, 'disabled.lead@test.example')
    await addLeadUser('managerWhoLeads', fifth as string, 'manager.lead@test.example', 'partnership-manager')
    // The test app's own lead@test.example is a lead account linked to no one: Safer cannot know which deliverables are theirs.
    const disabled = await s.users.get(people.disabled?.userId as number)
    await s.users.disable(TEST_ACTOR, disabled.id, disabled.version)

    const db = t.deps.database.db
    // Every deliverable the up-to-date lead leads is complete: nothing for them this week.
    await db
      .updateTable('deliverables')
      .set({ rag: 'blue' })
      .where(
        'id',
        'in',
        ledBy(people.upToDate?.personId as number).map((d) => d.id),
      )
      .execute()
    // One of Helen's is archived: it has left the plan, and must not be chased.
    const archived = ledBy(people.helen?.personId as number)[0] as Deliverable
    await db
      .updateTable('deliverables')
      .set({ archived_at: '2026-11-01T00:00:00Z', archived_reason: 'test', archived_by: 'Test' })
      .where('id', '=', archived.id)
      .execute()
    await db.updateTable('plans').set({ version: 2 }).where('id', '=', planId).execute()
    plan = await s.plans.getPlan(planId, TODAY)
    deliverables = plan.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
    expect(deliverables.some((d) => d.id === archived.id)).toBe(false)
  })
  afterAll(async () => {
    await t?.close()
    await smtp?.close()
  })

  it('sends nothing on a dry run, and says who would get what', async () => {
    const auditBefore = await t.deps.database.db.selectFrom('audit_log').select('id').execute()
    const run = await t.deps.services.reminders.send(TEST_ACTOR, { dryRun: true, today: TODAY })
    expect(smtp.messages).toEqual([])
    expect(run.dryRun).toBe(true)
    expect(run.reminders.every((r) => r.status === 'not sent (dry run)' && r.message?.text)).toBe(true)
    expect(run.reminders.map((r) => r.email)).toContain('helen.lyons@test.example')
    expect(await t.deps.database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(
      auditBefore.length,
    )
    expect(await t.deps.database.db.selectFrom('reminder_runs').select('id').execute()).toEqual([])
  })

  it('sends each linked lead their own live deliverables that need them, with absolute links, and managers the counts', async () => {
    const run = await t.deps.services.reminders.send(TEST_ACTOR, { today: TODAY })
    const byEmail = Object.fromEntries(run.reminders.map((r) => [r.email, r]))

    // Who: the linked, active leads with something to chase, and the partnership managers.
    const delivered = smtp.messages.flatMap((m) => m.envelopeTo).sort()
    expect(delivered).toEqual(
      [
        'helen.lyons@test.example',
        'other.lead@test.example',
        'manager.lead@test.example', // their own deliverables…
        'manager.lead@test.example', // …and the summary
        'partnership-manager@test.example',
      ].sort(),
    )
    expect(byEmail['refused.lead@test.example']?.status).toBe('failed')
    expect(run.skipped.map((s) => [s.email, s.reason]).sort()).toEqual([
      ['disabled.lead@test.example', 'disabled'],
      ['lead@test.example', 'not linked to a person in the plans'],
    ])
    expect(run.upToDate).toBe(1)
    for (const m of smtp.messages) {
      expect(m.envelopeFrom).toBe('reminders@test.example')
      expect(m.headers['auto-submitted']).toBe('auto-generated')
      for (const link of [...linksIn(m.text), ...linksIn(m.html)])
        expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true)
    }

    // What: Helen's mail lists exactly her live deliverables that need her, and no one else's.
    const helen = people.helen as (typeof people)[string]
    const [mine] = mailTo(smtp, helen.email) as [ReceivedMail]
    const expected = ledBy(helen.personId).filter(needsAttention)
    expect(expected.length).toBeGreaterThan(0)
    expect([...new Set(deliverableIdsIn(mine.text))]).toEqual(expected.map((d) => d.id).sort((a, b) => a - b))
    expect([...new Set(deliverableIdsIn(mine.html))]).toEqual(expected.map((d) => d.id).sort((a, b) => a - b))
    expect(mine.subject).toBe(`Safer: ${expected.length} deliverables you lead need an update`)
    expect(byEmail[helen.email]?.deliverables).toBe(expected.length)
    expect(mine.text).toContain(`Dear ${helen.name},`)
    expect(mine.text).toContain(`${PUBLIC_URL}/my-actions`)
    expect(mine.text).not.toMatch(/<[a-z]|undefined|null|\[object/)
    for (const other of Object.values(people).filter((p) => p !== helen))
      expect(mine.text).not.toContain(other.name)
    const othersOnly = deliverables.filter((d) => !d.leadPersonIds.includes(helen.personId))
    for (const d of othersOnly) expect(deliverableIdsIn(mine.text)).not.toContain(d.id)

    // The manager's summary: counts by plan and theme, and links; no one's name but their own.
    const [summary] = mailTo(smtp, 'partnership-manager@test.example') as [ReceivedMail]
    expect(summary.subject).toBe('Safer: this week’s action plans summary')
    expect(summary.text).toContain(`Dear Test partnership-manager,`)
    expect(summary.text).toContain(`${PUBLIC_URL}/plans/${plan.id}`)
    for (const theme of plan.themes) {
      const inTheme = theme.actions.flatMap((a) => a.deliverables)
      const red = inTheme.filter((d) => d.rag === 'red').length
      const overdue = inTheme.filter((d) => d.flags.overdue).length
      expect(summary.text).toContain(`${theme.title}, ${inTheme.length} deliverable`)
      expect(summary.text).toContain(`: ${red} red, ${overdue} overdue,`)
      expect(summary.text).toContain(
        `${PUBLIC_URL}/plans/${plan.id}?${new URLSearchParams({ theme: theme.title })}`,
      )
    }
    expect(deliverableIdsIn(summary.text)).toEqual([])
    for (const p of Object.values(people)) expect(summary.text).not.toContain(p.name)
    for (const lead of new Set(deliverables.flatMap((d) => d.leads))) expect(summary.text).not.toContain(lead)

    // Each e-mail is in the audit log (who, what kind, how many), never its text.
    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('action', 'in', ['reminder.sent', 'reminder.failed'])
      .execute()
    expect(audited.filter((a) => a.action === 'reminder.sent')).toHaveLength(smtp.messages.length)
    const helensEntry = audited.find((a) => a.entity_id === String(helen.userId))
    expect(JSON.parse(helensEntry?.detail ?? '{}')).toMatchObject({
      kind: 'lead',
      deliverables: expected.length,
    })
    expect(audited.find((a) => a.entity_id === String(people.refused?.userId))?.action).toBe(
      'reminder.failed',
    )
    for (const a of audited) {
      expect(a.detail).not.toContain('Dear')
      expect(a.detail).not.toContain(PUBLIC_URL)
    }
    const runs = await t.deps.services.reminders.recentRuns()
    expect(runs[0]).toMatchObject({ scheduledFor: null, sent: smtp.messages.length, failed: 1, skipped: 2 })
  })

  it('sends a scheduled window once, even when the server restarts within it', async () => {
    smtp.messages.length = 0
    const reminders = t.deps.services.reminders
    // Monday 30 November 2026: before 08:00 nothing is due.
    expect(await reminders.sendIfDue(SYSTEM_ACTOR, new Date('2026-11-30T07:30:00Z'))).toBeNull()
    const first = await reminders.sendIfDue(SYSTEM_ACTOR, new Date('2026-11-30T08:05:00Z'))
    expect(first?.scheduledFor).toBe('2026-11-30T08:00')
    const sent = smtp.messages.length
    expect(sent).toBeGreaterThan(0)
    // A restart: new services on the same database find the window already sent.
    const restarted = createServices(t.deps.database, t.deps.config).reminders
    expect(await restarted.sendIfDue(SYSTEM_ACTOR, new Date('2026-11-30T14:00:00Z'))).toBeNull()
    expect(await reminders.sendIfDue(SYSTEM_ACTOR, new Date('2026-11-30T08:10:00Z'))).toBeNull()
    expect(smtp.messages).toHaveLength(sent)
    // The next Monday is a new window.
    expect((await restarted.sendIfDue(SYSTEM_ACTOR, new Date('2026-12-07T09:00:00Z')))?.scheduledFor).toBe(
      '2026-12-07T08:00',
    )
  })

  it('refuses to send, saying what to set, without PUBLIC_URL or SMTP_URL', async () => {
    const s = t.deps.services
    const deps = { users: s.users, deliverables: s.deliverables, plans: s.plans, audit: s.audit }
    const db = t.deps.database.db
    const noPublicUrl = createRemindersService(
      db,
      testConfig('sqlite::memory:', { SMTP_URL: smtp.url }),
      deps,
    )
    await expect(noPublicUrl.send(TEST_ACTOR)).rejects.toThrow(RemindersNotConfiguredError)
    await expect(noPublicUrl.send(TEST_ACTOR, { dryRun: true })).rejects.toThrow(
      'PUBLIC_URL is not set, so reminders cannot link to Safer',
    )
    const noSmtp = createRemindersService(db, testConfig('sqlite::memory:', { PUBLIC_URL }), deps)
    await expect(noSmtp.send(TEST_ACTOR)).rejects.toThrow(
      'SMTP_URL is not set, so there is no mail server to send reminders through',
    )
    // A dry run needs no mail server.
    expect((await noSmtp.send(TEST_ACTOR, { dryRun: true })).reminders.length).toBeGreaterThan(0)
  })
})
