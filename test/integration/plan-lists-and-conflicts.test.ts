import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'
import { Browser } from '../helpers/session.ts'

// Services hand pages and the API domain objects; what people and clients see stays as it was.
// In particular a stale save's 409 still carries the stored record in the names it always had.

describe.each(DIALECTS)('plan and strategy lists, and stale saves, on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let strategyId: number
  let token: string

  const api = (method: 'GET' | 'PUT', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      payload: body ? JSON.stringify(body) : undefined,
    })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const s = t.deps.services
    planId = (await s.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() }))
      .planId as number
    strategyId = await s.strategies.create(TEST_ACTOR, {
      title: 'Violent Crime Strategy 2010–15',
      status: 'adopted',
      adoptedOn: '2010-11-16',
    })
    await s.strategies.addPriority(TEST_ACTOR, strategyId, { title: 'Reduce knife crime' })
    await s.strategies.addPriority(TEST_ACTOR, strategyId, { title: 'Protect young people' })
    await s.strategies.linkPlan(TEST_ACTOR, planId, strategyId)
    const admin = await s.users.get(t.userIds.admin)
    token = (
      await s.auth.createToken(
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
    ).token
  })
  afterAll(() => t.close())

  it('lists each plan with the strategy it delivers, and each strategy with its number of priorities', async () => {
    const viewer = new Browser(t.app)
    await viewer.signIn('viewer@test.example')
    const plans = (await viewer.get('/plans')).body
    expect(plans).toContain(
      `<a class="govuk-link" href="/strategies/${strategyId}">Violent Crime Strategy 2010–15</a>`,
    )
    const strategies = (await viewer.get('/strategies')).body
    expect(strategies).toMatch(
      new RegExp(
        `href="/strategies/${strategyId}">Violent Crime Strategy 2010–15</a>[\\s\\S]*?numeric">2</td>`,
      ),
    )

    const listed = (await api('GET', '/plans')).json().plans[0]
    expect(listed).toMatchObject({
      id: planId,
      strategyId,
      strategyTitle: 'Violent Crime Strategy 2010–15',
      owningBoard: null,
    })
    expect(Object.keys(listed)).toEqual([
      'id',
      'title',
      'period',
      'owningBoard',
      'strategyId',
      'strategyTitle',
      'updatedAt',
    ])
    const [strategy] = (await api('GET', '/strategies')).json().strategies
    expect(strategy).toMatchObject({ id: strategyId, adoptedOn: '2010-11-16', priorityCount: 2 })
  })

  it('answers a stale deliverable save with the stored deliverable in its column names', async () => {
    const plan = await t.deps.services.plans.getPlan(planId)
    const d = plan.themes[0]?.actions[0]?.deliverables[0]
    if (!d) throw new Error('The plan has no deliverable')
    const change = {
      outcome: d.outcome,
      start: d.start,
      end: d.end,
      supportingOrganisations: d.supportingOrganisations,
      progress: 'Saved first',
      comment: d.comment,
      documentReferences: d.documentReferences,
      rag: d.rag,
      version: d.version,
    }
    expect((await api('PUT', `/deliverables/${d.id}`, change)).statusCode).toBe(200)
    const stale = await api('PUT', `/deliverables/${d.id}`, { ...change, progress: 'Saved second' })
    expect(stale.statusCode).toBe(409)
    const current = stale.json().current
    expect(Object.keys(current)).toEqual([
      'id',
      'action_id',
      'position',
      'outcome',
      'start_on',
      'end_on',
      'supporting_organisations',
      'progress',
      'comment',
      'document_references',
      'rag',
      'source_row',
      'created_at',
      'updated_at',
      'version',
      'action_number',
      'action_text',
      'locally_added',
      'theme_title',
      'plan_id',
      'plan_title',
      'latest_update_on',
    ])
    expect(current).toMatchObject({
      id: d.id,
      action_id: plan.themes[0]?.actions[0]?.id,
      position: 0,
      progress: 'Saved first',
      start_on: d.start,
      end_on: d.end,
      version: d.version + 1,
      locally_added: plan.themes[0]?.actions[0]?.locallyAdded ? 1 : 0,
      theme_title: plan.themes[0]?.title,
      plan_id: planId,
      plan_title: plan.title,
      latest_update_on: null,
    })
  })

  it('answers stale strategy, priority and plan-link saves with the stored record as before', async () => {
    const strategy = (await api('GET', `/strategies/${strategyId}`)).json()
    const sent = {
      title: strategy.title,
      status: strategy.status,
      adoptedOn: strategy.adoptedOn,
      vision: 'Saved first',
      version: strategy.version,
    }
    expect((await api('PUT', `/strategies/${strategyId}`, sent)).statusCode).toBe(200)
    const staleStrategy = await api('PUT', `/strategies/${strategyId}`, { ...sent, vision: 'Saved second' })
    expect(staleStrategy.statusCode).toBe(409)
    expect(Object.keys(staleStrategy.json().current)).toEqual([
      'id',
      'title',
      'period',
      'status',
      'adopted_on',
      'adopted_by',
      'vision',
      'created_at',
      'updated_at',
      'version',
    ])
    expect(staleStrategy.json().current).toMatchObject({
      adopted_on: '2010-11-16',
      vision: 'Saved first',
      version: strategy.version + 1,
    })

    const priority = strategy.priorities[0]
    expect(Object.keys(priority)).toEqual([
      'id',
      'position',
      'title',
      'description',
      'objectives',
      'focus',
      'keyRecommendations',
      'version',
    ])
    const saved = await api('PUT', `/priorities/${priority.id}`, { ...priority, focus: ['Young people'] })
    expect(saved.json()).toMatchObject({ strategyId, focus: ['Young people'] })
    const stalePriority = await api('PUT', `/priorities/${priority.id}`, {
      ...priority,
      title: 'Saved second',
    })
    expect(stalePriority.statusCode).toBe(409)
    expect(Object.keys(stalePriority.json().current)).toEqual(Object.keys(priority))
    expect(stalePriority.json().current).toMatchObject({ title: priority.title, focus: ['Young people'] })

    const { version } = await t.deps.services.plans.getPlan(planId)
    const staleLink = await api('PUT', `/plans/${planId}/strategy`, {
      strategyId: null,
      version: version - 1,
    })
    expect(staleLink.statusCode).toBe(409)
    expect(staleLink.json().current).toEqual({ id: planId, strategyId, version })
  })
})
