import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadUsersDemo } from '../../src/modules/auth/demo.ts'
import { loadYouthAsbDemo, youthAsbDemoMissing } from '../../src/modules/cases/youth/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'

// The demo's youth panel, knife crime panel and ASB case reviews, loaded through the services as
// the demo loader does, read back as the chair reads them today: whatever day the test runs on.

describe('the youth and ASB case review demo', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    const { partners, users, cases } = t.deps.services
    await loadPartnersDemo({ partners }, TEST_ACTOR)
    await loadUsersDemo({ partners, users }, TEST_ACTOR)
    await loadYouthAsbDemo({ cases, users, partners }, TEST_ACTOR)
  })
  afterAll(() => t.close())

  it('has a youth panel with one young person due to move on, a knife crime case reviewed, and two reviews on their clocks', async () => {
    const { cases, users } = t.deps.services
    const chair = await users.findByEmail('caseworker@safer.example')
    if (!chair) throw new Error('no demo chair')
    const who = { actor: TEST_ACTOR, user: { id: chair.id, role: chair.role }, via: '/test' }
    const panels = await cases.listPanels()
    const byName = (name: string) => panels.find((p) => p.name === name)?.id as number
    const youth = await cases.youthBoard(who, byName('Youth Risk Management Panel'))
    expect(youth.transitionsDue.map((p) => [p.name, p.state])).toEqual([['Jayden Demoson', 'transition-due']])
    const knife = await cases.youthBoard(who, byName('Multi-agency knife crime panel'))
    expect(knife.cases.map((c) => c.riskLevel)).toEqual(['medium'])
    expect(knife.transitionsDue).toEqual([])
    const tracker = await cases.asbTracker(who, byName('Community MARAC'))
    expect(tracker.applications.map((a) => [a.thresholdMet, a.clocks.map((c) => c.state)])).toEqual([
      [null, ['met-on-time', 'due', 'due']],
      [true, ['met-on-time', 'met-on-time', 'met-on-time']],
    ])
    expect(await cases.transitionsDueCount({ id: chair.id, role: chair.role })).toEqual([
      { panelId: byName('Youth Risk Management Panel'), panelName: 'Youth Risk Management Panel', due: 1 },
    ])
    // Loading again adds nothing.
    expect(await youthAsbDemoMissing({ cases, users, partners: t.deps.services.partners })).toBe(false)
  })
})
