import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACTOR } from '../../src/demo/load.ts'
import { channelMaseDemoMissing, loadChannelMaseDemo } from '../../src/modules/cases/channel/demo.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'

// The demo's Channel and MASE panels, loaded through the services after the partners and users the
// demo has: one Channel case reassessed three times with engagement falling, two MASE children
// linked to one hotel.

describe('the Channel and MASE demo', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await buildTestApp('sqlite')
    for (const name of ['partners', 'auth'])
      await t.deps.modules.find((m) => m.name === name)?.demo?.load(t.deps.services, DEMO_ACTOR)
    expect(await channelMaseDemoMissing(t.deps.services)).toBe(true)
    await loadChannelMaseDemo(t.deps.services, DEMO_ACTOR)
  })
  afterAll(() => t?.close())

  it('shows the Channel case’s engagement factors falling over three assessments, with consent and support', async () => {
    const s = t.deps.services
    const chair = await s.users.findByEmail('caseworker@safer.example')
    if (!chair) throw new Error('no demo chair')
    const who = { actor: DEMO_ACTOR, user: { id: chair.id, role: chair.role } }
    const panel = (await s.cases.listPanels()).find((p) => p.name === 'Channel panel')
    const [summary] = await s.cases.listCases(who, { panelId: panel?.id })
    const record = await s.cases.channelRecord(who, summary?.id as number)
    expect(record.series.map((p) => p.present.engagement)).toEqual([9, 6, 3])
    expect(record.change?.dimensions.engagement.change).toBe(-3)
    expect(record.standingConsent?.givenBy).toBe('parent-guardian')
    expect(record.support).toHaveLength(2)
    expect(await channelMaseDemoMissing(s)).toBe(false)
  })

  it('links the two MASE children to one hotel on the problem profile', async () => {
    const s = t.deps.services
    const member = await s.users.findByEmail('manager@safer.example')
    if (!member) throw new Error('no demo member')
    const who = { actor: DEMO_ACTOR, user: { id: member.id, role: member.role } }
    const panel = (await s.cases.listPanels()).find((p) => p.name === 'MASE panel')
    const { places } = await s.cases.problemProfile(who, panel?.id as number)
    expect(places).toHaveLength(1)
    expect(places[0]).toMatchObject({ locationType: 'hotel', children: 2 })
    const record = await s.cases.maseRecord(who, places[0]?.caseIds[0] as number)
    expect(record.personsOfConcern).toHaveLength(1)
    expect(record.disruptions.map((d) => d.statusLabel)).toContain('Done')
  })
})
