import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCurrentUser } from '../../src/access/current-user.ts'
import { addDemoCohort } from '../../src/modules/cases/cohort-reports/demo.ts'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import { MEASURE_NAMES } from '../../src/modules/cases/rules/cohort-outcomes.ts'
import { NotFoundError } from '../../src/shared/errors.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import { type CasesFixture, casesFixture } from '../helpers/cases.ts'
import { directCount, fiveOnACohort } from '../helpers/cohort-report.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { type IomFixture, iomFixture } from '../helpers/iom.ts'
import { Browser } from '../helpers/session.ts'

// The cohort report on the real database: the demo's cohort of about thirty added to a test IOM
// panel, its report compared with a count made straight from the tables; "no data", never 0%, where
// no one can be counted; small counts suppressed in the CSV and in the figures offered to the
// performance module; every read audited, non-members refused.

describe.each(DIALECTS)('IOM cohort reports on %s', (dialect) => {
  let f: CasesFixture
  let iom: IomFixture
  let small: Awaited<ReturnType<typeof fiveOnACohort>>
  let year: { from: string; to: string }
  const cases = () => f.t.deps.services.cases
  const db = () => f.t.deps.database.db
  const entries = async (action: string, entityType: string) =>
    (await f.t.deps.services.audit.search({ action, entityType }, 1, 500)).rows

  beforeAll(async () => {
    f = await casesFixture(dialect)
    iom = await iomFixture(f)
    await addDemoCohort(cases(), iom.panel, f.ids.chair, TEST_ACTOR, iom.today)
    small = await fiveOnACohort(f)
    year = { from: addCalendarMonths(iom.today, -12), to: iom.today }
  }, 300_000)
  afterAll(() => f.t.close())

  it('equals a direct count from the tables, for every cohort and for periods past and present', async () => {
    const periods = [year, { from: iom.ago(18), to: iom.ago(12) }, { from: iom.ago(9), to: iom.ago(3) }]
    for (const period of periods)
      for (const cohort of ['all', 'fixed', 'flex', 'free'] as const) {
        const { report } = await cases().panelCohortReport(f.who('member'), iom.panel, { cohort, ...period })
        const direct = await directCount(db(), iom.panel, cohort, period.from, period.to)
        const label = `${cohort} ${period.from}–${period.to}`
        expect(report.cohort.members, label).toBe(direct.members)
        for (const name of MEASURE_NAMES) {
          expect({ n: report[name].n, d: report[name].d }, `${label} ${name}`).toEqual({
            n: direct[name].n,
            d: direct[name].d,
          })
          expect(report[name].pct, `${label} ${name}`).toBe(
            direct[name].d ? (direct[name].n / direct[name].d) * 100 : null,
          )
        }
        expect(report.provenReoffending12m.offences, label).toBe(direct.provenReoffending12m.offences)
      }
  })

  it('gives the demo cohort shares near seed 002’s, computed from its events', async () => {
    const { report } = await cases().panelCohortReport(f.who('member'), iom.panel, year)
    expect(report.cohort.members).toBe(29)
    // Seed 002: 43% in ETE, 49% starting treatment, 45% not reoffending within 6 months.
    expect(Math.abs((report.ete.pct as number) - 43)).toBeLessThan(3)
    expect(Math.abs((report.treatment.pct as number) - 49)).toBeLessThan(4)
    expect(Math.abs((report.notReoffending6m.pct as number) - 45)).toBeLessThan(3)
    expect(report.provenReoffending12m).toMatchObject({ n: 3, d: 6, offences: 3, frequency: 0.5 })
    expect(report.suppressed).toEqual(['provenReoffending12m'])
  })

  it('says "no data" with the reason where a denominator is 0, never 0%', async () => {
    const early = { from: iom.ago(14), to: iom.ago(12) }
    const { report } = await cases().panelCohortReport(f.who('member'), iom.panel, early)
    expect(report.provenReoffending12m).toMatchObject({ n: 0, d: 0, pct: null, frequency: null })
    const member = new Browser(f.t.app)
    await member.signIn('lead@test.example')
    const page = await member.get(
      `/cases/panels/${iom.panel}/cohort-report?cohort=all&from=${early.from}&to=${early.to}`,
    )
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('No data')
    expect(page.body).toContain('accepted at least 18 months before it ends')
    const before = await member.get(
      `/cases/panels/${iom.panel}/cohort-report?cohort=all&from=${iom.ago(40)}&to=${iom.ago(30)}`,
    )
    expect(before.body).toContain('No one was on the cohort in this period.')
    expect(before.body).not.toMatch(/numeric">0(\.0)?%</)
    // The exact figures, numerator and denominator, are on the page for the member.
    const now = await member.get(`/cases/panels/${iom.panel}/cohort-report?from=${year.from}&to=${year.to}`)
    const { report: exact } = await cases().panelCohortReport(f.who('member'), iom.panel, year)
    expect(now.body).toContain(`${exact.ete.n} of ${exact.ete.d}`)
    const bad = await member.get(`/cases/panels/${iom.panel}/cohort-report?from=2026-02-30&to=${year.to}`)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the first day of the period as a real date')
  })

  it('suppresses a count of 4 and shows a count of 5 in the CSV, and the panel sees both exactly', async () => {
    const q = { cohort: 'free', from: small.from, to: small.to }
    const { report } = await cases().panelCohortReport(f.who('member'), small.panel, q)
    expect(report.ete).toEqual({ n: 4, d: 5, pct: 80 })
    expect(report.treatment).toEqual({ n: 5, d: 5, pct: 100 })
    expect(report.suppressed).toEqual(['ete'])
    const member = new Browser(f.t.app)
    await member.signIn('lead@test.example')
    const csv = await member.get(
      `/cases/panels/${small.panel}/cohort-report/csv?cohort=free&from=${q.from}&to=${q.to}`,
    )
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.split('\r\n')
    expect(lines).toContain('"Engaged in education, training or employment","<5","5","suppressed"')
    expect(lines).toContain('"Starting structured treatment","5","5","100.0"')
    expect(lines).toContain('"Not reoffending within 6 months of acceptance","5","5","100.0"')
    expect(lines).toContain('"Proven reoffending within 12 months (binary rate)","0","0","no data"')
    expect(csv.body).not.toContain('Smallton')
  })

  it('audits every read and export with the question, and refuses non-members as "not found"', async () => {
    const q = { cohort: 'fixed', ...year }
    await cases().panelCohortReport(f.who('member'), iom.panel, q)
    await cases().cohortReportExport(f.who('chair'), iom.panel, q)
    const viewed = (await entries('viewed', 'iom-cohort-report')).map((r) => JSON.parse(r.detail))
    expect(viewed).toContainEqual(expect.objectContaining({ path: '/test', cohort: 'fixed', ...year }))
    const exported = await entries('case.cohort-report.export', 'iom-cohort-report')
    expect(exported.some((r) => r.actor_user_id === f.ids.chair)).toBe(true)
    for (const who of ['outsider', 'admin', 'manager'] as const) {
      await expect(cases().panelCohortReport(f.who(who), iom.panel, q)).rejects.toThrow(NotFoundError)
      await expect(cases().cohortReportExport(f.who(who), iom.panel, q)).rejects.toThrow(NotFoundError)
    }
    const refused = await entries('case.refused', 'iom-panel')
    expect(refused.filter((r) => r.actor_user_id === f.ids.outsider).length).toBeGreaterThanOrEqual(2)
    // The system account reads no exact report, and only its own reader reads the suppressed ones.
    await expect(cases().panelCohortReport({ actor: TEST_ACTOR, user: null }, iom.panel, q)).rejects.toThrow(
      NotFoundError,
    )
    await expect(
      cases().cohortReportsLeavingPanel(
        { actor: TEST_ACTOR, user: null },
        String(iom.panel),
        'all',
        () => [],
      ),
    ).rejects.toThrow(NotFoundError)
    expect(await f.t.deps.services.audit.verify()).toMatchObject({ ok: true })
  })

  it('offers the measure to the performance module suppressed: withheld periods have no value', async () => {
    const indicators = f.t.deps.services.indicators
    await indicators.define(
      { actor: TEST_ACTOR, user: asCurrentUser(await f.t.deps.services.users.get(f.ids.admin)) },
      {
        key: 'iom-not-reoffending',
        name: 'IOM: % not reoffending within 6 months (Test IOM, all cohorts)',
        unit: 'percent',
        polarity: 'up',
        frequency: 'quarter',
        source: 'computed',
        computed: {
          area: 'Test borough',
          cohort: { panel: 'Test IOM', cohort: 'all', measure: 'notReoffending6m' },
        },
      },
    )
    const view = await indicators.get('iom-not-reoffending')
    expect(view.series.points.some((p) => p.value !== null)).toBe(true)
    let withheld = 0
    let shown = 0
    // Every quarter from the first acceptance (24 months before the fixture's day) that has ended.
    for (let i = 0; i < 8; i++) {
      const from = addCalendarMonths('2024-04-01', i * 3)
      const next = addCalendarMonths(from, 3)
      const to = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      const period = `${from.slice(0, 4)}-Q${Number(from.slice(5, 7)) / 3 + 2 / 3}`
      const point = view.series.points.find((p) => p.period === period)
      const { report } = await cases().panelCohortReport(f.who('member'), iom.panel, { from, to })
      const m = report.notReoffending6m
      const small = (c: number) => c >= 1 && c <= 4
      if (m.d === 0 || small(m.n) || small(m.d) || small(m.d - m.n)) {
        expect(point?.value ?? null, period).toBeNull()
        withheld++
      } else {
        expect([period, point?.value, point?.numerator, point?.denominator]).toEqual([
          period,
          m.pct,
          m.n,
          m.d,
        ])
        shown++
      }
    }
    expect(withheld).toBeGreaterThan(0)
    expect(shown).toBeGreaterThan(0)
    // A panel that is not an IOM panel is refused when the indicator is defined.
    await expect(
      indicators.define(
        { actor: TEST_ACTOR, user: asCurrentUser(await f.t.deps.services.users.get(f.ids.admin)) },
        {
          key: 'iom-nowhere',
          name: 'Nowhere',
          unit: 'percent',
          polarity: 'up',
          frequency: 'quarter',
          source: 'computed',
          computed: { area: 'Test borough', cohort: { panel: 'Test MARAC', cohort: 'all', measure: 'ete' } },
        },
      ),
    ).rejects.toThrow('No IOM panel has the id or exact name Test MARAC')
  })
})
