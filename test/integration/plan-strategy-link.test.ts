import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

const versionOn = (html: string) => html.match(/name="version" value="(\d+)"/)?.[1] ?? ''

describe.each(DIALECTS)('linking a plan to its strategy on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let strategyId: number

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    planId = (
      await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    ).planId as number
    strategyId = await t.deps.services.strategies.create(TEST_ACTOR, {
      title: 'Community Safety Partnership Plan 2017-2020',
      status: 'adopted',
    })
  })
  afterAll(() => t.close())

  it('lets a partnership manager link the plan from its page, and the strategy lists it', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const page = await manager.get(`/plans/${planId}`)
    expect(page.body).toContain('Strategy this plan delivers')
    const saved = await manager.post(`/plans/${planId}/strategy`, {
      strategyId: String(strategyId),
      version: versionOn(page.body),
    })
    expect(saved.statusCode).toBe(303)
    expect((await manager.get(`/strategies/${strategyId}`)).body).toContain(`href="/plans/${planId}"`)
    const log = await t.deps.services.audit.search({ action: 'plan.link-strategy' }, 1)
    expect(JSON.parse(log.rows[0]?.detail ?? '{}')).toEqual({
      before: { strategy_id: null },
      after: { strategy_id: strategyId },
    })
  })

  it('does not offer or allow the change to a viewer, and refuses a strategy that does not exist', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    expect((await viewer.get(`/plans/${planId}`)).body).not.toContain('Strategy this plan delivers')
    expect((await viewer.post(`/plans/${planId}/strategy`, { strategyId: '' })).statusCode).toBe(403)

    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const page = await manager.get(`/plans/${planId}`)
    const bad = await manager.post(`/plans/${planId}/strategy`, {
      strategyId: '99999',
      version: versionOn(page.body),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select a strategy from the list')
    expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBe(strategyId)
  })

  it('links and unlinks over the API', async () => {
    const admin = await t.deps.services.users.get(t.userIds.admin)
    const { token } = await t.deps.services.auth.createToken(
      {
        id: admin.id,
        email: admin.email,
        name: admin.name,
        role: 'admin',
        organisationId: admin.organisationId,
        organisationName: 'Test Council',
        personId: null,
      },
      'tests',
      TEST_ACTOR,
    )
    const version = async () => (await t.deps.services.plans.getPlan(planId)).version
    const put = (body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/plans/${planId}/strategy`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      })
    expect((await put({ strategyId: null, version: await version() })).json()).toEqual({
      id: planId,
      strategyId: null,
    })
    expect((await put({ strategyId, version: await version() })).json()).toEqual({ id: planId, strategyId })
    const bad = await put({ strategyId: 'x', version: await version() })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.strategyId).toBe('Select a strategy from the list')
  })

  it('unlinks only on an explicit choice of no strategy, never on an empty form', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const page = await manager.get(`/plans/${planId}`)
    expect(page.body).toContain('<option value="none"')
    const version = versionOn(page.body)
    expect(version).not.toBe('')
    const strategyBefore = (await t.deps.services.plans.getPlan(planId)).strategyId
    expect(strategyBefore).not.toBeNull()

    const forms: Array<Record<string, string>> = [{}, { version }, { strategyId: '', version }]
    for (const form of forms) {
      const response = await manager.post(`/plans/${planId}/strategy`, form)
      expect(response.statusCode, JSON.stringify(form)).toBe(400)
      expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBe(strategyBefore)
    }
    const unlinked = await manager.post(`/plans/${planId}/strategy`, { strategyId: 'none', version })
    expect(unlinked.statusCode).toBe(303)
    expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBeNull()
  })

  it('answers 409 and changes nothing when the plan changed after the page was opened', async () => {
    const manager = new Browser(t.app)
    await manager.signIn('partnership-manager@test.example')
    const stale = versionOn((await manager.get(`/plans/${planId}`)).body)
    const other = new Browser(t.app)
    await other.signIn('admin@test.example')
    const fresh = versionOn((await other.get(`/plans/${planId}`)).body)
    expect(
      (await other.post(`/plans/${planId}/strategy`, { strategyId: String(strategyId), version: fresh }))
        .statusCode,
    ).toBe(303)

    const late = await manager.post(`/plans/${planId}/strategy`, { strategyId: 'none', version: stale })
    expect(late.statusCode).toBe(409)
    expect(late.body).toContain('Someone else changed this')
    expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBe(strategyId)
  })

  it('on the API, needs the strategy (or null) and the version, and answers 409 when stale', async () => {
    const admin = await t.deps.services.users.get(t.userIds.admin)
    const { token } = await t.deps.services.auth.createToken(
      {
        id: admin.id,
        email: admin.email,
        name: admin.name,
        role: 'admin',
        organisationId: admin.organisationId,
        organisationName: 'Test Council',
        personId: null,
      },
      'tests',
      TEST_ACTOR,
    )
    const put = (body: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/plans/${planId}/strategy`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      })
    const { version, strategyId: linked } = await t.deps.services.plans.getPlan(planId)
    expect(linked).toBe(strategyId)

    const empty = await put({})
    expect(empty.statusCode).toBe(400)
    expect(Object.keys(empty.json().errors).sort()).toEqual(['strategyId', 'version'])
    expect((await put({ version })).statusCode).toBe(400)
    expect((await put({ strategyId: null })).statusCode).toBe(400)
    expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBe(strategyId)

    const stale = await put({ strategyId: null, version: version - 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ id: planId, strategyId, version })
    expect((await t.deps.services.plans.getPlan(planId)).strategyId).toBe(strategyId)
  })
})
