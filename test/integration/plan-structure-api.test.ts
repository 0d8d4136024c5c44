import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTokenFor, buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

// The plan-structure API: a script builds a plan, reshapes it and removes parts of it, with the
// same policy and the same 409 for a stale version as the pages.

type As = 'admin' | 'partnership-manager' | 'lead' | 'viewer'

describe.each(DIALECTS)('plan structure API on %s', (dialect) => {
  let t: TestApp
  let helen: number
  const tokens = {} as Record<As, string>

  const api = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, as: As, body?: unknown) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        authorization: `Bearer ${tokens[as]}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.statusCode, json: response.body ? response.json() : null }
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    const { users, partners } = t.deps.services
    helen = await partners.createPerson(TEST_ACTOR, { name: 'Helen Lyons' })
    const lead = await users.get(t.userIds.lead)
    await users.update(TEST_ACTOR, lead.id, {
      email: lead.email,
      name: 'Helen Lyons',
      organisationId: lead.organisationId,
      role: 'lead',
      personId: helen,
      version: lead.version,
    })
    for (const role of ['admin', 'partnership-manager', 'lead', 'viewer'] as const)
      tokens[role] = await apiTokenFor(t, role)
  })
  afterAll(() => t?.close())

  it('builds a plan, reshapes it, removes and restores a deliverable, with only managers changing its shape', async () => {
    expect((await api('POST', '/plans', 'lead', { title: 'Lead’s plan' })).status).toBe(403)
    expect((await api('POST', '/plans', 'viewer', { title: 'Viewer’s plan' })).status).toBe(403)
    const bad = await api('POST', '/plans', 'partnership-manager', { title: ' ' })
    expect(bad.status).toBe(400)
    expect(bad.json.errors).toEqual({ title: 'Enter the plan’s title' })

    const made = await api('POST', '/plans', 'partnership-manager', {
      title: 'Youth Violence Plan 2026/27',
      period: '2026/27',
    })
    expect(made.status).toBe(201)
    const planId = made.json.id as number
    let version = made.json.planVersion as number

    const theme = await api('POST', `/plans/${planId}/themes`, 'admin', { title: 'Prevention', version })
    expect(theme.status).toBe(201)
    version = theme.json.planVersion
    const stale = await api('PATCH', `/themes/${theme.json.id}`, 'admin', {
      title: 'Early help',
      version: version - 1,
    })
    expect(stale.status).toBe(409)
    expect(stale.json.current).toMatchObject({ id: planId, version })
    expect((await api('PATCH', `/themes/${theme.json.id}`, 'lead', { title: 'Mine', version })).status).toBe(
      403,
    )
    expect(
      (await api('PATCH', `/themes/${theme.json.id}`, 'admin', { title: 'Early help', version })).status,
    ).toBe(200)
    version += 1

    const action = await api('POST', `/themes/${theme.json.id}/actions`, 'partnership-manager', {
      number: '*4',
      text: 'Mentoring in schools',
      locallyAdded: true,
      version,
    })
    expect(action.status).toBe(201)
    version += 1
    // A second theme, then the action renumbered and moved under it, and the themes reordered.
    const second = await api('POST', `/plans/${planId}/themes`, 'partnership-manager', {
      title: 'Enforcement',
      version,
    })
    version = second.json.planVersion
    const renumbered = await api('PATCH', `/actions/${action.json.id}`, 'partnership-manager', {
      number: '4',
      text: 'Mentoring in every school',
      locallyAdded: false,
      themeId: second.json.id,
      version,
    })
    expect(renumbered.status).toBe(200)
    version += 1
    expect(
      (
        await api('POST', `/themes/${second.json.id}/move`, 'partnership-manager', {
          direction: 'up',
          version,
        })
      ).status,
    ).toBe(200)
    version += 1
    const reshapedPlan = (await api('GET', `/plans/${planId}`, 'viewer')).json as {
      themes: Array<{
        title: string
        actions: Array<{ number: string; locallyAdded: boolean; text: string }>
      }>
    }
    expect(
      reshapedPlan.themes.map((th) => [th.title, th.actions.map((a) => [a.number, a.locallyAdded, a.text])]),
    ).toEqual([
      ['Enforcement', [['4', false, 'Mentoring in every school']]],
      ['Early help', []],
    ])
    const added = await api('POST', `/actions/${action.json.id}/deliverables`, 'partnership-manager', {
      outcome: 'Mentors in ten schools',
      start: 'Apr-26',
      end: 'Mar-27',
      leadPersonIds: [helen],
      leadOrganisations: ['LBS', 'Youth Service'],
      rag: 'not-started',
      version,
    })
    expect(added.status).toBe(201)
    expect(added.json).toMatchObject({
      outcome: 'Mentors in ten schools',
      leads: [{ name: 'Helen Lyons', personId: helen }],
      leadOrganisations: ['LBS', 'Youth Service'],
      action: { number: '4', locallyAdded: false },
      theme: 'Enforcement',
      archived: null,
    })
    const d = added.json as { id: number; version: number }

    // Its lead changes a field, but not who leads it; the manager changes both.
    expect(
      (
        await api('PATCH', `/deliverables/${d.id}`, 'lead', {
          progress: 'Two schools signed up',
          version: d.version,
        })
      ).json,
    ).toMatchObject({ progress: 'Two schools signed up', outcome: 'Mentors in ten schools', end: '2027-03' })
    expect(
      (await api('PATCH', `/deliverables/${d.id}`, 'lead', { leadPersonIds: [], version: d.version + 1 }))
        .status,
    ).toBe(403)
    const wrongEnd = await api('PATCH', `/deliverables/${d.id}`, 'partnership-manager', {
      end: '30/02/2027',
      version: d.version + 1,
    })
    expect(wrongEnd.json.errors).toEqual({
      end: 'The end must be a real date: 30/02/2027 is not a day in the calendar',
    })
    const reshaped = await api('PATCH', `/deliverables/${d.id}`, 'partnership-manager', {
      leadPersonIds: [],
      leadOrganisations: ['Youth Service'],
      version: d.version + 1,
    })
    expect(reshaped.json).toMatchObject({
      leads: [],
      leadOrganisations: ['Youth Service'],
      progress: 'Two schools signed up',
    })

    const plan = await api('GET', `/plans/${planId}`, 'viewer')
    version = plan.json.version
    expect(
      (await api('POST', `/deliverables/${d.id}/archive`, 'lead', { reason: 'Not needed', version })).status,
    ).toBe(403)
    const archived = await api('POST', `/deliverables/${d.id}/archive`, 'partnership-manager', {
      reason: 'Schools programme ended',
      version,
    })
    expect(archived.json).toMatchObject({ id: d.id, archived: true })
    expect((await api('GET', `/plans/${planId}`, 'viewer')).json.themes[0].actions[0].deliverables).toEqual(
      [],
    )
    expect((await api('GET', `/plans/${planId}/summary`, 'viewer')).json.total.total).toBe(0)
    expect((await api('GET', `/plans/${planId}/archived`, 'viewer')).json.deliverables).toMatchObject([
      {
        id: d.id,
        outcome: 'Mentors in ten schools',
        archived: { reason: 'Schools programme ended', by: 'partnership-manager@test.example' },
      },
    ])
    const restored = await api('POST', `/deliverables/${d.id}/restore`, 'admin', {
      version: archived.json.planVersion,
    })
    expect(restored.json).toMatchObject({ archived: false })
    expect(
      (await api('GET', `/plans/${planId}`, 'viewer')).json.themes[0].actions[0].deliverables,
    ).toHaveLength(1)
  })

  it('documents every structure operation in the OpenAPI document', async () => {
    const doc = (await api('GET', '/openapi.json', 'viewer')).json as {
      paths: Record<string, Record<string, unknown>>
    }
    for (const [path, method] of [
      ['/plans', 'post'],
      ['/plans/{id}/themes', 'post'],
      ['/themes/{id}', 'patch'],
      ['/themes/{id}/move', 'post'],
      ['/themes/{id}/actions', 'post'],
      ['/actions/{id}', 'patch'],
      ['/actions/{id}/deliverables', 'post'],
      ['/deliverables/{id}', 'patch'],
      ['/deliverables/{id}/archive', 'post'],
      ['/actions/{id}/restore', 'post'],
      ['/plans/{id}/archived', 'get'],
    ]) {
      expect(doc.paths[`/api/v1${path}`]?.[method as string], `${method} ${path}`).toBeDefined()
    }
  })
})
