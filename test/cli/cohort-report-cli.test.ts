import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDemoCohort } from '../../src/modules/cases/cohort-reports/demo.ts'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import { TEST_ACTOR, TEST_CASE_DATA_KEY } from '../helpers/app.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { runCli } from '../helpers/cli.ts'
import { directCount, fiveOnACohort } from '../helpers/cohort-report.ts'
import { type IomFixture, iomFixture } from '../helpers/iom.ts'

// `safer cohort report` through the real command on the fixture's database: read as the panel
// member named by --as, the panel named by id or exact name; the JSON is the shape, equal to
// a count straight from the tables, with `suppressed` naming a measure at 4 and not one at 5.
describe('safer cohort report', { timeout: 180_000 }, () => {
  let f: CasesFixture
  let iom: IomFixture
  let env: Record<string, string>

  beforeAll(async () => {
    f = await casesFixture('sqlite')
    iom = await iomFixture(f)
    await addDemoCohort(f.t.deps.services.cases, iom.panel, f.ids.chair, TEST_ACTOR, iom.today)
    env = {
      DATABASE_URL: f.t.database.url,
      CASE_DATA_KEY: TEST_CASE_DATA_KEY,
      AUDIT_KEY: 'test-audit-key-'.padEnd(40, 'x'),
      DATA_DIR: f.t.deps.config.dataDir,
    }
  })
  afterAll(() => f.t.close())

  it('prints the report as JSON by the panel’s exact name, equal to a direct count, and records the read', async () => {
    const from = addCalendarMonths(iom.today, -12)
    const to = iom.today
    const run = await runCli(
      [
        'cohort',
        'report',
        '--panel',
        'Test IOM',
        '--from',
        from,
        '--to',
        to,
        '--as',
        'lead@test.example',
        '--json',
      ],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    const direct = await directCount(f.t.deps.database.db, iom.panel, 'all', from, to)
    const measure = (m: { n: number; d: number }) => ({ n: m.n, d: m.d, pct: m.d ? (m.n / m.d) * 100 : null })
    expect(printed).toEqual({
      cohort: { name: 'Test IOM: All cohorts', from, to, members: direct.members },
      ete: measure(direct.ete),
      treatment: measure(direct.treatment),
      notReoffending6m: measure(direct.notReoffending6m),
      provenReoffending12m: {
        ...measure(direct.provenReoffending12m),
        offences: direct.provenReoffending12m.offences,
        frequency: direct.provenReoffending12m.offences / direct.provenReoffending12m.d,
      },
      suppressed: ['provenReoffending12m'],
    })
    const viewed = (
      await f.t.deps.services.audit.search({ action: 'viewed', entityType: 'iom-cohort-report' }, 1, 50)
    ).rows
    expect(viewed.map((r) => [r.actor_user_id, JSON.parse(r.detail).path])).toEqual([
      [f.ids.member, 'safer cohort report'],
    ])
  })

  it('names a measure at 4 in suppressed and not one at 5, by the panel’s id and one cohort', async () => {
    const small = await fiveOnACohort(f)
    const run = await runCli(
      [
        'cohort',
        'report',
        '--panel',
        String(small.panel),
        '--from',
        small.from,
        '--to',
        small.to,
        '--cohort',
        'free',
        '--as',
        'caseworker@test.example',
        '--json',
      ],
      env,
    )
    expect(run.stderr).toBe('')
    const printed = JSON.parse(run.stdout)
    expect(printed.ete).toEqual({ n: 4, d: 5, pct: 80 })
    expect(printed.treatment).toEqual({ n: 5, d: 5, pct: 100 })
    expect(printed.suppressed).toEqual(['ete'])
    const text = await runCli(
      [
        'cohort',
        'report',
        '--panel',
        'Small IOM',
        '--from',
        small.from,
        '--to',
        small.to,
        '--as',
        'lead@test.example',
      ],
      env,
    )
    expect(text.stdout).toContain(
      'Engaged in education, training or employment: 4 of 5, 80.0%  (shown as <5 outside the panel)',
    )
    expect(text.stdout).toContain('Starting structured treatment: 5 of 5, 100.0%\n')
  })

  it('refuses a non-member, an unknown account and an unknown panel alike, and asks for what is missing', async () => {
    const period = ['--from', '2025-06-01', '--to', '2026-05-31']
    for (const [panel, as] of [
      ['Test IOM', 'outsider@test.example'],
      ['Test IOM', 'nobody@test.example'],
      ['No such panel', 'lead@test.example'],
    ]) {
      const run = await runCli(
        ['cohort', 'report', '--panel', panel as string, ...period, '--as', as as string],
        env,
      )
      expect(run.code, `${panel} as ${as}`).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain('IOM panel was not found')
    }
    const missing = await runCli(['cohort', 'report', '--panel', 'Test IOM', ...period], env)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('--as EMAIL')
    const badCohort = await runCli(
      ['cohort', 'report', '--panel', 'Test IOM', ...period, '--cohort', 'gold', '--as', 'lead@test.example'],
      env,
    )
    expect(badCohort.stderr).toContain('--cohort is fixed, flex or free')
    const badDate = await runCli(
      [
        'cohort',
        'report',
        '--panel',
        'Test IOM',
        '--from',
        '2026-02-30',
        '--to',
        '2026-05-31',
        '--as',
        'lead@test.example',
      ],
      env,
    )
    expect(badDate.code).toBe(1)
    expect(badDate.stderr).toContain('from: Enter the first day of the period as a real date')
  })
})
