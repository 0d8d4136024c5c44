import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanView } from '../../src/modules/plans/plan-view.ts'
import { apiTokenFor, buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'

// The delivery-plans JSON API with personal API tokens, as a script would use it.

type Deliverable = PlanView['themes'][number]['actions'][number]['deliverables'][number]

describe.each(DIALECTS)('delivery-plans API on %s', (dialect) => {
  let t: TestApp
  let planId: number
  let helens: Deliverable
  let notHers: Deliverable
  const tokens = {} as Record<'admin' | 'partnership-manager' | 'lead' | 'viewer', string>

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, as: keyof typeof tokens, body?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        authorization: `Bearer ${tokens[as]}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    })
  const count = (table: Parameters<typeof countRows>[1]) => countRows(t, table)

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const { users, planImport, plans } = t.deps.services
    planId = (
      await planImport.importPlan(TEST_ACTOR, { fileName: 'knife-crime-plan.txt', content: seed003() })
    ).planId as number
    const all = (await plans.getPlan(planId)).themes.flatMap((th) =>
      th.actions.flatMap((a) => a.deliverables),
    )
    helens = all.find((d) => d.leads.includes('Det Supt Helen Lyons')) as Deliverable
    notHers = all.find((d) => !d.leads.some((l) => l.includes('Helen Lyons'))) as Deliverable
    // The lead user is the plan's Helen Lyons: an administrator has linked their account to her.
    const lead = await users.get(t.userIds.lead)
    await users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: helens.leadPersonIds[0],
      version: lead.version,
    })
    for (const role of ['admin', 'partnership-manager', 'lead', 'viewer'] as const)
      tokens[role] = await apiTokenFor(t, role)
  })
  afterAll(() => t.close())

  describe('strategies and priorities', () => {
    let strategy: { id: number; version: number }

    it('adds, reads and changes a strategy, answering a stale change with 409 and the stored record', async () => {
      const refused = await api('POST', '/strategies', 'viewer', { title: 'X', status: 'draft' })
      expect(refused.statusCode).toBe(403)
      const bad = await api('POST', '/strategies', 'partnership-manager', {
        title: '',
        status: 'finished',
        adoptedOn: '16/11/2010',
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')
      expect(bad.json().errors).toEqual({
        title: 'Enter the strategy’s title',
        status: 'Select whether the strategy is a draft, adopted or superseded',
        adoptedOn: 'Enter the date as YYYY-MM-DD, for example 2010-11-16',
      })

      const created = await api('POST', '/strategies', 'partnership-manager', {
        title: 'Violent Crime Strategy 2010–15',
        period: '2010–2015',
        status: 'adopted',
        adoptedOn: '2010-11-16',
        adoptedBy: 'Safer Southwark Partnership',
        vision: 'A safer borough',
        strategicAims: ['Protection of Life', 'Reduction in youth violence'],
      })
      expect(created.statusCode).toBe(201)
      strategy = created.json()
      expect(strategy).toMatchObject({
        title: 'Violent Crime Strategy 2010–15',
        adoptedOn: '2010-11-16',
        strategicAims: ['Protection of Life', 'Reduction in youth violence'],
        priorities: [],
        version: 1,
      })

      const list = (await api('GET', '/strategies', 'viewer')).json().strategies
      expect(list).toEqual([
        expect.objectContaining({
          id: strategy.id,
          title: 'Violent Crime Strategy 2010–15',
          priorityCount: 0,
          status: 'adopted',
        }),
      ])

      const changed = await api('PUT', `/strategies/${strategy.id}`, 'admin', {
        ...strategy,
        status: 'superseded',
      })
      expect(changed.statusCode).toBe(200)
      expect(changed.json()).toMatchObject({ status: 'superseded', version: 2 })
      const stale = await api('PUT', `/strategies/${strategy.id}`, 'partnership-manager', {
        ...strategy,
        vision: 'Overwritten',
      })
      expect(stale.statusCode).toBe(409)
      expect(stale.json().current).toMatchObject({
        status: 'superseded',
        vision: 'A safer borough',
        version: 2,
      })
      expect((await api('GET', `/strategies/${strategy.id}`, 'viewer')).json().vision).toBe('A safer borough')
      expect((await api('GET', '/strategies/99999', 'viewer')).statusCode).toBe(404)
    })

    it('adds and changes priorities with their objectives and key recommendations', async () => {
      const added = await api('POST', `/strategies/${strategy.id}/priorities`, 'partnership-manager', {
        title: 'Reduce knife crime',
        objectives: ['Fewer injuries'],
        keyRecommendations: ['Weapon sweeps', 'Knife bins'],
      })
      expect(added.statusCode).toBe(201)
      const priority = added.json()
      expect(priority).toMatchObject({
        strategyId: strategy.id,
        title: 'Reduce knife crime',
        focus: [],
        keyRecommendations: ['Weapon sweeps', 'Knife bins'],
        version: 1,
      })
      const changed = await api('PUT', `/priorities/${priority.id}`, 'partnership-manager', {
        ...priority,
        focus: ['Young people'],
      })
      expect(changed.json()).toMatchObject({ focus: ['Young people'], version: 2 })
      const stale = await api('PUT', `/priorities/${priority.id}`, 'admin', { ...priority, title: 'Old' })
      expect(stale.statusCode).toBe(409)
      expect(stale.json().current).toMatchObject({ title: 'Reduce knife crime', focus: ['Young people'] })
      expect(
        (await api('GET', `/strategies/${strategy.id}`, 'viewer'))
          .json()
          .priorities.map((p: { title: string }) => p.title),
      ).toEqual(['Reduce knife crime'])
      expect(
        (await api('POST', `/strategies/${strategy.id}/priorities`, 'lead', { title: 'X' })).statusCode,
      ).toBe(403)
    })
  })

  describe('plans', () => {
    it('lists plans, and gives one whole with its flags and its summary', async () => {
      const list = (await api('GET', '/plans', 'viewer')).json().plans
      expect(list).toEqual([
        expect.objectContaining({
          id: planId,
          title:
            'Southwark Borough - Community Safety Partnership Knife Crime and Serious Violence Plan 2018/20',
          period: '2018/20',
        }),
      ])
      const plan = (await api('GET', `/plans/${planId}`, 'viewer')).json() as PlanView
      expect(plan.themes).toHaveLength(8)
      const deliverables = plan.themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
      expect(deliverables).toHaveLength(61)
      expect(deliverables[0]).toMatchObject({
        id: expect.any(Number),
        version: 1,
        flags: { overdue: expect.any(Boolean), stale: false, endBeforeStart: expect.any(Boolean) },
      })
      expect(plan.themes.flatMap((th) => th.actions).filter((a) => a.locallyAdded)).toHaveLength(29)

      const summary = (await api('GET', `/plans/${planId}/summary`, 'viewer')).json()
      expect(summary.total.total).toBe(61)
      expect(summary.byTheme.map((r: { label: string }) => r.label)).toEqual(
        plan.themes.map((th) => th.title),
      )
      expect(summary.byTheme.reduce((n: number, r: { total: number }) => n + r.total, 0)).toBe(61)
      expect(summary.total.flags.overdue).toBe(deliverables.filter((d) => d.flags.overdue).length)
      expect((await api('GET', '/plans/99999', 'viewer')).statusCode).toBe(404)
    })

    it('exports a plan as .xlsx (the default) or .csv, and refuses any other format', async () => {
      const xlsx = await api('GET', `/plans/${planId}/export`, 'viewer')
      expect(xlsx.statusCode).toBe(200)
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/)
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
      const csv = await api('GET', `/plans/${planId}/export?format=csv`, 'lead')
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.body).toContain('TARGETTING LAWBREAKERS')
      const pdf = await api('GET', `/plans/${planId}/export?format=pdf`, 'viewer')
      expect(pdf.statusCode).toBe(400)
      expect(pdf.json().errors).toEqual({ format: 'The format is xlsx or csv' })
    })

    it('imports a plan from base64: a dry run writes nothing, a second import of the same title answers 409', async () => {
      const contentBase64 = seed003().toString('base64')
      const plansBefore = await count('plans')
      const dry = await api('POST', '/plans/import', 'partnership-manager', {
        fileName: 'plan.txt',
        contentBase64,
        title: 'API plan',
        dryRun: true,
      })
      expect(dry.statusCode).toBe(200)
      expect(dry.json()).toMatchObject({
        planId: null,
        dryRun: true,
        title: 'API plan',
        counts: { themes: 8, actions: 56, deliverables: 61, locallyAdded: 29 },
      })
      expect(dry.json().warnings.length).toBeGreaterThan(0)
      expect(await count('plans')).toBe(plansBefore)

      const written = await api('POST', '/plans/import', 'partnership-manager', {
        fileName: 'plan.txt',
        contentBase64,
        title: 'API plan',
      })
      expect(written.statusCode).toBe(201)
      expect(written.json()).toMatchObject({ replaced: false, dryRun: false, planId: expect.any(Number) })
      expect(await count('plans')).toBe(plansBefore + 1)

      const again = await api('POST', '/plans/import', 'admin', {
        fileName: 'plan.txt',
        contentBase64,
        title: 'API plan',
      })
      expect(again.statusCode).toBe(409)
      expect(again.headers['content-type']).toContain('application/problem+json')
      expect(again.json()).toMatchObject({
        status: 409,
        current: { planId: written.json().planId, title: 'API plan' },
      })
      expect(again.json().detail).toContain('already exists')
      const replaced = await api('POST', '/plans/import', 'admin', {
        fileName: 'plan.txt',
        contentBase64,
        title: 'API plan',
        replace: true,
      })
      expect(replaced.statusCode).toBe(201)
      expect(replaced.json()).toMatchObject({ replaced: true, planId: written.json().planId })
      expect(await count('plans')).toBe(plansBefore + 1)
    })

    it('answers 400 naming the file and each problem, and writes nothing', async () => {
      const plansBefore = await count('plans')
      const unreadable = await api('POST', '/plans/import', 'admin', {
        fileName: 'minutes.csv',
        contentBase64: Buffer.from('Item,Minutes\n1,Apologies\n').toString('base64'),
      })
      expect(unreadable.statusCode).toBe(400)
      expect(unreadable.json().detail).toMatch(/^minutes\.csv: No header row found/)
      expect(unreadable.json().report[0].message).toMatch(/^minutes\.csv: No header row found/)
      const empty = await api('POST', '/plans/import', 'admin', { fileName: 'empty.csv', contentBase64: '' })
      expect(empty.json()).toMatchObject({ status: 400, errors: { contentBase64: 'empty.csv is empty' } })
      const malformed = await api('POST', '/plans/import', 'admin', {
        fileName: '',
        contentBase64: '***',
        strategyId: 99999,
      })
      expect(malformed.statusCode).toBe(400)
      expect(Object.keys(malformed.json().errors)).toEqual(['fileName', 'contentBase64'])
      const noStrategy = await api('POST', '/plans/import', 'admin', {
        fileName: 'plan.txt',
        contentBase64: seed003().toString('base64'),
        title: 'Other',
        strategyId: 99999,
      })
      expect(noStrategy.json().errors).toEqual({ strategyId: 'No strategy has this id' })
      // A file over 20 MB reaches the importer, which says so plainly.
      const huge = await api('POST', '/plans/import', 'admin', {
        fileName: 'huge.csv',
        contentBase64: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41).toString('base64'),
      })
      expect(huge.statusCode).toBe(400)
      expect(huge.json().detail).toBe('huge.csv is 20.0 MB; the largest plan Safer imports is 20 MB')
      expect(await count('plans')).toBe(plansBefore)
      expect(
        (await api('POST', '/plans/import', 'lead', { fileName: 'a.csv', contentBase64: '' })).statusCode,
      ).toBe(403)
    })
  })

  describe('deliverables and progress updates', () => {
    it('gives a deliverable with where it sits in the plan', async () => {
      const response = await api('GET', `/deliverables/${helens.id}`, 'viewer')
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        id: helens.id,
        plan: { id: planId },
        outcome: helens.outcome,
        leads: expect.arrayContaining([
          expect.objectContaining({ name: 'Det Supt Helen Lyons', personId: expect.any(Number) }),
        ]),
        rag: 'not-rated',
        latestUpdate: null,
        version: 1,
      })
      expect((await api('GET', '/deliverables/99999', 'viewer')).statusCode).toBe(404)
    })

    it('lets a lead add updates to their own deliverable (201), newest first, and change it with optimistic concurrency', async () => {
      const first = await api('POST', `/deliverables/${helens.id}/updates`, 'lead', {
        updateOn: '2026-10-01',
        text: 'Tasking monthly',
        rag: 'amber',
      })
      expect(first.statusCode).toBe(201)
      expect(first.json()).toMatchObject({
        updateOn: '2026-10-01',
        authorName: 'Helen Lyons',
        text: 'Tasking monthly',
        rag: 'amber',
      })
      await api('POST', `/deliverables/${helens.id}/updates`, 'lead', {
        updateOn: '2026-11-02',
        text: 'All partners attend',
        rag: 'green',
      })
      const updates = (await api('GET', `/deliverables/${helens.id}/updates`, 'viewer')).json().updates
      expect(updates.map((u: { text: string }) => u.text)).toEqual(['All partners attend', 'Tasking monthly'])
      const after = (await api('GET', `/deliverables/${helens.id}`, 'viewer')).json()
      expect(after).toMatchObject({ rag: 'green', latestUpdate: { text: 'All partners attend' } })

      const change = {
        outcome: after.outcome,
        start: after.start,
        end: 'Mar-19',
        progress: 'Going well',
        rag: 'green',
        version: after.version,
      }
      const saved = await api('PUT', `/deliverables/${helens.id}`, 'lead', change)
      expect(saved.statusCode).toBe(200)
      expect(saved.json()).toMatchObject({
        end: '2019-03',
        progress: 'Going well',
        version: after.version + 1,
      })
      const stale = await api('PUT', `/deliverables/${helens.id}`, 'partnership-manager', {
        ...change,
        progress: 'Overwritten',
      })
      expect(stale.statusCode).toBe(409)
      expect(stale.json().current).toMatchObject({ progress: 'Going well', version: after.version + 1 })
      const invalid = await api('POST', `/deliverables/${helens.id}/updates`, 'lead', {
        updateOn: '2099-01-01',
        text: '',
        rag: 'purple',
      })
      expect(invalid.statusCode).toBe(400)
      expect(invalid.json().errors).toEqual({
        text: 'Describe the progress made',
        rag: 'Select a RAG status',
      })
    })

    it('refuses a lead another lead’s deliverable with 403 and a plain reason, and a viewer any update', async () => {
      const before = await count('deliverable_updates')
      const other = await api('POST', `/deliverables/${notHers.id}/updates`, 'lead', {
        updateOn: '2026-11-01',
        text: 'Not mine',
        rag: 'red',
      })
      expect(other.statusCode).toBe(403)
      expect(other.headers['content-type']).toContain('application/problem+json')
      expect(other.json().detail).toBe(
        'Only this deliverable’s named lead or a partnership manager can update it.',
      )
      const edit = await api('PUT', `/deliverables/${notHers.id}`, 'lead', {
        outcome: 'Mine now',
        rag: 'red',
        version: 1,
      })
      expect(edit.statusCode).toBe(403)
      const viewer = await api('POST', `/deliverables/${helens.id}/updates`, 'viewer', {
        updateOn: '2026-11-01',
        text: 'x',
        rag: 'red',
      })
      expect(viewer.statusCode).toBe(403)
      expect(viewer.json().detail).toBe('Your role does not allow this')
      expect(await count('deliverable_updates')).toBe(before)
      // A partnership manager may update any deliverable.
      expect(
        (
          await api('POST', `/deliverables/${notHers.id}/updates`, 'partnership-manager', {
            updateOn: '2026-11-01',
            text: 'Checked',
            rag: 'blue',
          })
        ).statusCode,
      ).toBe(201)
    })

    it('lists a lead’s own deliverables on my-actions, and says when a user is linked to no one', async () => {
      const mine = (await api('GET', '/my-actions', 'lead')).json()
      expect(mine.linked).toBe(true)
      expect(mine.deliverables.map((d: { id: number }) => d.id)).toContain(helens.id)
      expect(mine.deliverables.map((d: { id: number }) => d.id)).not.toContain(notHers.id)
      expect(mine.deliverables.every((d: { plan: { id: number } }) => typeof d.plan.id === 'number')).toBe(
        true,
      )
      expect((await api('GET', '/my-actions', 'viewer')).json()).toEqual({ linked: false, deliverables: [] })
    })
  })

  it('documents every delivery-plans route in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    for (const [path, method] of [
      ['/api/v1/strategies', 'post'],
      ['/api/v1/strategies/{id}', 'put'],
      ['/api/v1/strategies/{id}/priorities', 'post'],
      ['/api/v1/priorities/{id}', 'put'],
      ['/api/v1/plans/{id}/summary', 'get'],
      ['/api/v1/plans/{id}/export', 'get'],
      ['/api/v1/plans/import', 'post'],
      ['/api/v1/deliverables/{id}/updates', 'post'],
      ['/api/v1/my-actions', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined()
    }
    expect(
      doc.paths['/api/v1/plans/import'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['fileName', 'contentBase64'])
    expect(doc.paths['/api/v1/deliverables/{id}/updates'].post['x-permission']).toBe('plans:update-own')
  })
})
