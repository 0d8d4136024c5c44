import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, TEST_PASSWORD, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { seed003 } from '../helpers/seeds.ts'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'

const PUBLIC_URL = 'https://safer.test.example'

// `safer reminders send`, run as an operator would, through a real SMTP server started here.
describe('safer reminders send', { timeout: 120_000 }, () => {
  let dir: string
  let smtp: TestSmtpServer
  let deps: Deps
  let env: Record<string, string>
  let helenDeliverables: number[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-reminders-cli-'))
    smtp = await startSmtpServer()
    const database = `sqlite:${join(dir, 'safer.db')}`
    env = {
      DATABASE_URL: database,
      DATA_DIR: dir,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      REMINDER_FROM: 'reminders@test.example',
    }
    deps = await createDeps(testConfig(database, { DATA_DIR: dir }))
    const s = deps.services
    const org = await s.partners.createOrganisation(TEST_ACTOR, {
      name: 'Southwark Council',
      shortName: 'LBS',
      type: 'council',
    })
    const planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    const all = (await s.plans.getPlan(planId)).themes.flatMap((t) =>
      t.actions.flatMap((a) => a.deliverables),
    )
    const helens = all.filter((d) => d.leads.includes('Det Supt Helen Lyons'))
    const first = helens[0]
    if (!first) throw new Error('Seed 003 names Det Supt Helen Lyons as a lead')
    const personId = first.leadPersonIds[first.leads.indexOf('Det Supt Helen Lyons')] as number
    helenDeliverables = helens.filter((d) => d.rag !== 'blue').map((d) => d.id)
    await s.users.create(TEST_ACTOR, {
      email: 'helen.lyons@test.example',
      name: 'Helen Lyons',
      organisationId: org,
      role: 'lead',
      personId,
      password: TEST_PASSWORD,
    })
    await s.users.create(TEST_ACTOR, {
      email: 'manager@test.example',
      name: 'Pat Manager',
      organisationId: org,
      role: 'partnership-manager',
      password: TEST_PASSWORD,
    })
    await s.users.create(TEST_ACTOR, {
      email: 'unlinked@test.example',
      name: 'Ian Howells',
      organisationId: org,
      role: 'lead',
      password: TEST_PASSWORD,
    })
  })
  afterAll(async () => {
    await deps?.database.close()
    await smtp?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('on a dry run prints who would get what and the text, and sends nothing', async () => {
    const result = await runCli(['reminders', 'send', '--dry-run'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(smtp.messages).toEqual([])
    expect(result.stdout).toContain('not sent (dry run)\thelen.lyons@test.example\ttheir ')
    expect(result.stdout).toContain('not sent (dry run)\tmanager@test.example\tsummary of 1 plan')
    expect(result.stdout).toContain('skipped\tunlinked@test.example\tnot linked to a person in the plans')
    expect(result.stdout).toContain(
      'Dry run: 2 reminders would be sent (1 to leads and 1 summary to partnership managers); nothing was sent.',
    )
    expect(result.stdout).toContain('----- To: helen.lyons@test.example')
    expect(result.stdout).toContain('Dear Helen Lyons,')
    expect(result.stdout).toContain(`${PUBLIC_URL}/deliverables/${helenDeliverables[0]}`)
  })

  it('sends through SMTP_URL and prints each e-mail with counts, not contents', async () => {
    const result = await runCli(['reminders', 'send', '--json'], env)
    expect(result.code).toBe(0)
    const run = JSON.parse(result.stdout)
    expect(run.dryRun).toBe(false)
    expect(run.reminders.map((r: { email: string; status: string }) => [r.email, r.status])).toEqual([
      ['helen.lyons@test.example', 'sent'],
      ['manager@test.example', 'sent'],
    ])
    expect(run.reminders.every((r: { message?: unknown }) => r.message === undefined)).toBe(true)
    expect(smtp.messages.map((m) => m.envelopeTo)).toEqual([
      ['helen.lyons@test.example'],
      ['manager@test.example'],
    ])
    const helen = smtp.messages[0]
    const listed = [
      ...new Set([...(helen?.text ?? '').matchAll(/\/deliverables\/(\d+)/g)].map((m) => Number(m[1]))),
    ]
    expect(listed.sort((a, b) => a - b)).toEqual([...helenDeliverables].sort((a, b) => a - b))
    expect(helen?.envelopeFrom).toBe('reminders@test.example')

    const plain = await runCli(['reminders', 'send'], env)
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('sent\thelen.lyons@test.example\ttheir ')
    expect(plain.stdout).toContain(
      'Sent 2 of 2 reminders (1 to leads and 1 summary to partnership managers).',
    )
    expect(plain.stdout).not.toContain('Dear')
  })

  it('refuses, saying what to set, without PUBLIC_URL or SMTP_URL', async () => {
    const before = smtp.messages.length
    const noPublicUrl = await runCli(['reminders', 'send'], { ...env, PUBLIC_URL: '' })
    expect(noPublicUrl.code).toBe(1)
    expect(noPublicUrl.stderr).toContain('PUBLIC_URL is not set, so reminders cannot link to Safer.')
    const noSmtp = await runCli(['reminders', 'send'], { ...env, SMTP_URL: '' })
    expect(noSmtp.code).toBe(1)
    expect(noSmtp.stderr).toContain(
      'SMTP_URL is not set, so there is no mail server to send reminders through.',
    )
    expect(noSmtp.stderr).toContain('Nothing was sent.')
    expect(smtp.messages).toHaveLength(before)
  })
})
