import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../src/access/current-user.ts'
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts'
import { buildTestApp, countRows, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

// Indicators through the service: definitions, values and their corrections, targets, status, and
// who may do what (the owner organisation's users and partnership managers enter values).

describe.each(DIALECTS)('performance indicators on %s', (dialect) => {
  let t: TestApp
  let otherOrganisation: number
  const as = async (role: CurrentUser['role'], organisationId?: number): Promise<CurrentUser> => {
    const user = await t.deps.services.users.get(t.userIds[role])
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role,
      organisationId: organisationId ?? user.organisationId,
      organisationName: '',
      personId: null,
    }
  }
  const who = async (role: CurrentUser['role'], organisationId?: number) => ({
    actor: TEST_ACTOR,
    user: await as(role, organisationId),
  })

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    otherOrganisation = await t.deps.services.partners.createOrganisation(TEST_ACTOR, {
      name: 'Other Police',
      shortName: 'OP',
      type: 'police',
    })
    await t.deps.services.indicators.define(await who('partnership-manager'), {
      key: 'asb-concern',
      name: 'Residents concerned about anti-social behaviour',
      unit: 'percent',
      polarity: 'down',
      frequency: 'year',
      tolerance: 5,
      ownerOrganisationId: t.organisationId,
    })
  })
  afterAll(() => t.close())

  it('lets only partnership managers and administrators define indicators', async () => {
    await expect(
      t.deps.services.indicators.define(await who('lead'), {
        key: 'x',
        name: 'X',
        unit: 'count',
        polarity: 'down',
        frequency: 'month',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    await expect(
      t.deps.services.indicators.define(await who('admin'), {
        key: 'asb-concern',
        name: 'Again',
        unit: 'count',
        polarity: 'down',
        frequency: 'month',
      }),
    ).rejects.toThrow('already an indicator with the key asb-concern')
    await expect(
      t.deps.services.indicators.define(await who('admin'), {
        key: 'Bad Key',
        name: 'X',
        unit: 'lots',
        polarity: 'sideways',
        frequency: 'month',
      }),
    ).rejects.toBeInstanceOf(ValidationError)
  })

  it('lets the owner organisation’s users and partnership managers enter values, and no one else', async () => {
    const s = t.deps.services.indicators
    await s.enterValue(await who('lead'), 'asb-concern', {
      period: '2011',
      value: '23',
      numerator: '230',
      denominator: '1000',
    })
    await s.enterValue(await who('partnership-manager', otherOrganisation), 'asb-concern', {
      period: '2016',
      value: '14',
      numerator: '140',
      denominator: '1000',
    })
    await expect(
      s.enterValue(await who('lead', otherOrganisation), 'asb-concern', { period: '2017', value: '12' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    await expect(
      s.enterValue(await who('viewer'), 'asb-concern', { period: '2017', value: '12' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    const view = await s.get('asb-concern')
    expect(view.series.points.filter((p) => p.value !== null).map((p) => [p.period, p.value])).toEqual([
      ['2011', 23],
      ['2016', 14],
    ])
  })

  it('refuses bad values naming the field: wrong period shape, text, over 100%, a denominator of 0', async () => {
    const s = t.deps.services.indicators
    const lead = await who('lead')
    const problems = async (input: Record<string, string>) => {
      try {
        await s.enterValue(lead, 'asb-concern', input)
      } catch (error) {
        if (error instanceof ValidationError) return error.fieldErrors
        throw error
      }
      throw new Error('accepted')
    }
    expect(await problems({ period: '2025-13', value: '10' })).toEqual({
      period: '"2025-13" is not a year, written like 2025',
    })
    expect(await problems({ period: '2017', value: 'twelve' })).toEqual({ value: '"twelve" is not a number' })
    expect(await problems({ period: '2017', value: '101' })).toEqual({
      value: '101 is not a percentage: it must be between 0 and 100',
    })
    expect(await problems({ period: '2017', value: '10', numerator: '1', denominator: '0' })).toEqual({
      denominator: 'The denominator cannot be 0',
    })
  })

  it('keeps a corrected value in the history with its reason, and asks for the reason', async () => {
    const s = t.deps.services.indicators
    const lead = await who('lead')
    await expect(s.enterValue(lead, 'asb-concern', { period: '2016', value: '15' })).rejects.toThrow(
      'Say why the 2016 value is being corrected',
    )
    await s.enterValue(lead, 'asb-concern', {
      period: '2016',
      value: '15',
      numerator: '150',
      denominator: '1000',
      reason: 'Survey reweighted',
    })
    const history = await s.corrections('asb-concern')
    expect(history).toMatchObject([
      { period: '2016', oldValue: 14, newValue: 15, reason: 'Survey reweighted', oldNumerator: 140 },
    ])
    expect((await s.get('asb-concern')).status).toMatchObject({ period: '2016', value: 15 })
  })

  it('rates the latest value against its target and words the direction by polarity', async () => {
    const s = t.deps.services.indicators
    await s.setTarget(await who('partnership-manager'), 'asb-concern', { period: '2016', target: '14.5' })
    await expect(
      s.setTarget(await who('lead'), 'asb-concern', { period: '2016', target: '1' }),
    ).rejects.toBeInstanceOf(ForbiddenError)
    await s.enterValue(await who('lead'), 'asb-concern', {
      period: '2015',
      value: '18',
      numerator: '180',
      denominator: '1000',
    })
    const status = (await s.get('asb-concern')).status
    expect(status).toMatchObject({
      key: 'asb-concern',
      period: '2016',
      value: 15,
      target: 14.5,
      // 15 is above 14.5 but within 5% of it (14.5 × 1.05 = 15.225): amber, lower being better.
      rag: 'amber',
      previous: 18,
      direction: 'improving',
      sameLastYear: 18,
      // 150 of 1,000 against 180 of 1,000: z = 1.81, p = 0.07, so not significant.
      significant: false,
    })
    expect(status.significance.method).toBe('proportions')
  })

  it('writes every definition, value, correction and target to the audit log', async () => {
    const rows = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'indicator')
      .execute()
    const actions = rows.map((r) => r.action)
    expect(actions).toContain('indicator.define')
    expect(actions).toContain('indicator.enter-values')
    expect(actions).toContain('indicator.set-target')
    expect(await countRows(t, 'indicator_corrections')).toBe(1)
  })
})
