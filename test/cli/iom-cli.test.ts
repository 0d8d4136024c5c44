import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreIomOffending } from '../../src/modules/cases/rules/iom-score.ts'
import { TEST_CASE_DATA_KEY } from '../helpers/app.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { runCli } from '../helpers/cli.ts'
import { type IomFixture, iomFixture } from '../helpers/iom.ts'

// `safer iom score` through the real command on the fixture's database: there is no signed-in user
// at the command line, so it reads as the panel member named by --as, under the same need to know
// as the page, and the read is in the audit log under that member.
describe('safer iom score', { timeout: 180_000 }, () => {
  let f: CasesFixture
  let iom: IomFixture
  let env: Record<string, string>

  beforeAll(async () => {
    f = await casesFixture('sqlite')
    iom = await iomFixture(f)
    env = {
      DATABASE_URL: f.t.database.url,
      CASE_DATA_KEY: TEST_CASE_DATA_KEY,
      AUDIT_KEY: 'test-audit-key-'.padEnd(40, 'x'),
      DATA_DIR: f.t.deps.config.dataDir,
    }
  })
  afterAll(() => f.t.close())

  it('prints the score and its breakdown as JSON for a member of the panel, and records the read', async () => {
    const subject = iom.people.burgla
    const run = await runCli(
      ['iom', 'score', '--subject', String(subject), '--as', 'lead@test.example', '--json'],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    const offences = (
      await f.t.deps.database.db
        .selectFrom('iom_offences')
        .selectAll()
        .where('subject_id', '=', subject)
        .execute()
    ).map((r) => ({
      date: r.offence_date,
      group: r.offence_group,
      ...(r.home_office_code ? { homeOfficeCode: r.home_office_code } : {}),
    }))
    // The command's day is today's; the offences are dated from the fixture's clock.
    const expected = scoreIomOffending(offences, printed.score.asOf)
    expect(printed).toEqual({
      panelId: iom.panel,
      panelName: 'Test IOM',
      subjectId: subject,
      score: expected,
    })
    const viewed = (
      await f.t.deps.services.audit.search({ action: 'viewed', entityType: 'iom-score' }, 1, 50)
    ).rows
    expect(viewed.map((r) => [r.actor_user_id, JSON.parse(r.detail).path])).toEqual([
      [f.ids.member, 'safer iom score'],
    ])
  })

  it('refuses a non-member, an unknown account and a missing --as, saying nothing of the person', async () => {
    const subject = String(iom.people.burgla)
    for (const as of ['outsider@test.example', 'admin@test.example', 'nobody@test.example']) {
      const run = await runCli(['iom', 'score', '--subject', subject, '--as', as, '--json'], env)
      expect(run.code, as).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain('Subject was not found')
    }
    const missing = await runCli(['iom', 'score', '--subject', subject], env)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('--as EMAIL')
  })
})
