import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACTOR } from '../../src/demo/load.ts'
import { loadCohortReportsDemo } from '../../src/modules/cases/cohort-reports/demo.ts'
import { IOM_DEMO_PANEL, loadIomDemo } from '../../src/modules/cases/iom/demo.ts'
import { addCalendarMonths } from '../../src/modules/cases/rules/calendar.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { directCount } from '../helpers/cohort-report.ts'

// The demo's IOM panel with its cohort, loaded through the services after the partners and users the
// demo has: the report for the year to today, computed from the facts the demo writes, comes out
// near seed 002's shares, and equals a count straight from the tables.

describe('the IOM cohort demo', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    for (const name of ['partners', 'auth'])
      await t.deps.modules.find((m) => m.name === name)?.demo?.load(t.deps.services, DEMO_ACTOR)
    await loadIomDemo(t.deps.services, DEMO_ACTOR)
    await loadCohortReportsDemo(t.deps.services, DEMO_ACTOR)
  }, 300_000)
  afterAll(() => t?.close())

  it('reports the year to today near seed 002: 43% in ETE, 49% starting treatment, 45% not reoffending', async () => {
    const s = t.deps.services
    const chair = await s.users.findByEmail('lead@safer.example')
    if (!chair) throw new Error('no demo chair')
    const panel = (await s.cases.listPanels()).find((p) => p.name === IOM_DEMO_PANEL)
    const today = londonToday()
    const period = { from: addCalendarMonths(today, -12), to: today }
    const { report } = await s.cases.panelCohortReport(
      { actor: DEMO_ACTOR, user: { id: chair.id, role: chair.role } },
      panel?.id as number,
      period,
    )
    const direct = await directCount(t.deps.database.db, panel?.id as number, 'all', period.from, period.to)
    expect(report.cohort.members).toBe(30)
    expect(report.ete).toEqual({ ...direct.ete, pct: (direct.ete.n / direct.ete.d) * 100 })
    expect(Math.round(report.ete.pct as number)).toBe(43)
    expect(Math.round(report.treatment.pct as number)).toBe(50)
    expect(Math.round(report.notReoffending6m.pct as number)).toBe(45)
    expect(report.provenReoffending12m).toMatchObject({ n: 3, d: 6 })
  })
})
