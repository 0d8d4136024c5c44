import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiTokenFor, buildTestApp, countRows, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

// The performance API with personal API tokens, as a script would use it.

describe.each(DIALECTS)('performance API on %s', (dialect) => {
  let t: TestApp
  let id: number
  const tokens = {} as Record<'partnership-manager' | 'lead' | 'viewer', string>
  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    as: keyof typeof tokens,
    body?: unknown,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        authorization: `Bearer ${tokens[as]}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    for (const role of ['partnership-manager', 'lead', 'viewer'] as const)
      tokens[role] = await apiTokenFor(t, role)
  })
  afterAll(() => t.close())

  it('defines an indicator (partnership managers only) and lists it with its status', async () => {
    const body = {
      key: 'knife-crime',
      name: 'Knife crime',
      unit: 'count',
      polarity: 'down',
      frequency: 'month',
      tolerance: 5,
      ownerOrganisationId: t.organisationId,
    }
    expect((await api('POST', '/indicators', 'lead', body)).statusCode).toBe(403)
    const created = await api('POST', '/indicators', 'partnership-manager', body)
    expect(created.statusCode).toBe(201)
    id = created.json().id
    expect(created.json()).toMatchObject({
      key: 'knife-crime',
      status: { rag: 'no-target', direction: 'none', value: null },
    })
    const list = await api('GET', '/indicators', 'viewer')
    expect(list.json().indicators.map((i: { key: string }) => i.key)).toEqual(['knife-crime'])
  })

  it('takes values from the owner organisation’s users, sets targets, and answers the status contract', async () => {
    expect(
      (
        await api('PUT', `/indicators/${id}/targets`, 'partnership-manager', {
          period: '2025-02',
          target: 100,
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (await api('POST', `/indicators/${id}/values`, 'lead', { period: '2025-01', value: 100 })).statusCode,
    ).toBe(201)
    const entered = await api('POST', `/indicators/${id}/values`, 'lead', { period: '2025-02', value: '106' })
    expect(entered.statusCode).toBe(201)
    expect(entered.json()).toEqual({
      key: 'knife-crime',
      period: '2025-02',
      value: 106,
      target: 100,
      rag: 'red',
      previous: 100,
      direction: 'worsening',
      sameLastYear: null,
      significant: null,
    })
    const bad = await api('POST', `/indicators/${id}/values`, 'lead', { period: '2025-13', value: 1 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual({ period: '"2025-13" is not a month, written like 2025-01' })
    const corrected = await api('POST', `/indicators/${id}/values`, 'lead', {
      period: '2025-01',
      value: 98,
      reason: 'Late crimes recorded',
    })
    expect(corrected.statusCode).toBe(201)
    expect((await api('GET', `/indicators/${id}/corrections`, 'viewer')).json().corrections).toMatchObject([
      { period: '2025-01', oldValue: 100, newValue: 98, reason: 'Late crimes recorded' },
    ])
    expect((await api('GET', `/indicators/${id}/status?period=2025-01`, 'viewer')).json()).toMatchObject({
      period: '2025-01',
      value: 98,
      rag: 'no-target',
    })
  })

  it('changes a definition at the version read and removes a target (partnership managers only)', async () => {
    const read = (await api('GET', `/indicators/${id}`, 'viewer')).json()
    const change = {
      name: 'Knife crime offences',
      unit: 'count',
      polarity: 'down',
      frequency: 'month',
      tolerance: 5,
      ownerOrganisationId: t.organisationId,
      comparatorSeries: 'London average',
      version: read.version,
    }
    expect((await api('PUT', `/indicators/${id}`, 'lead', change)).statusCode).toBe(403)
    const changed = await api('PUT', `/indicators/${id}`, 'partnership-manager', change)
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({
      key: 'knife-crime',
      name: 'Knife crime offences',
      tolerance: 5,
      comparatorSeries: 'London average',
      version: read.version + 1,
    })
    const stale = await api('PUT', `/indicators/${id}`, 'partnership-manager', { ...change, name: 'Older' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().current).toMatchObject({ name: 'Knife crime offences' })

    expect((await api('DELETE', `/indicators/${id}/targets?period=2025-02`, 'lead')).statusCode).toBe(403)
    const removed = await api('DELETE', `/indicators/${id}/targets?period=2025-02`, 'partnership-manager')
    expect(removed.statusCode).toBe(200)
    expect(removed.json().values.find((p: { period: string }) => p.period === '2025-02')).toMatchObject({
      target: null,
    })
    const none = await api('DELETE', `/indicators/${id}/targets?period=2025-02`, 'partnership-manager')
    expect(none.statusCode).toBe(400)
    expect(none.json().errors).toEqual({ period: 'There is no target for 2025-02' })
    // Put back for the download below.
    await api('PUT', `/indicators/${id}/targets`, 'partnership-manager', { period: '2025-02', target: 100 })
  })

  it('imports all or nothing, answering 400 with each problem by row and column', async () => {
    const before = await countRows(t, 'indicator_values')
    const file = (text: string) => ({
      fileName: 'values.csv',
      contentBase64: Buffer.from(text).toString('base64'),
    })
    const refused = await api(
      'POST',
      '/indicators/import',
      'lead',
      file('indicator,period,value,target\nknife-crime,2025-03,90,\nknife-crime,2025-04,80,70\n'),
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.json().report).toEqual([
      {
        row: 3,
        column: 'target',
        message: 'Only partnership managers and administrators set targets: leave the target column empty',
      },
    ])
    expect(await countRows(t, 'indicator_values')).toBe(before)
    const done = await api(
      'POST',
      '/indicators/import',
      'lead',
      file('indicator,period,value\nknife-crime,2025-03,90\n'),
    )
    expect(done.statusCode).toBe(201)
    expect(done.json()).toMatchObject({ written: true, counts: { rows: 1, new: 1 } })
  })

  it('gives the exception report and the figures as a download', async () => {
    const report = await api('GET', '/performance/exceptions', 'viewer')
    expect(report.statusCode).toBe(200)
    expect(report.json()).toEqual({ indicators: [], deliverables: [] })
    const csv = await api('GET', `/indicators/${id}/export?format=csv`, 'viewer')
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain('knife-crime,2025-02,106,100,,,Red – off target,,no,Test lead')
  })

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    for (const path of [
      '/indicators',
      '/indicators/{id}',
      '/indicators/{id}/status',
      '/indicators/{id}/values',
      '/indicators/import',
      '/performance/exceptions',
      '/plans/{id}/vvrap-return',
    ])
      expect(Object.keys(doc.paths).map((p) => p.replace('/api/v1', ''))).toContain(path)
  })
})
