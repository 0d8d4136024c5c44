import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../src/access/current-user.ts'
import { asCurrentUser } from '../../src/access/current-user.ts'
import { summarisePlan } from '../../src/modules/plans/plan-summary.ts'
import { ConflictError, ForbiddenError, type ValidationError } from '../../src/shared/errors.ts'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'

// A plan built from nothing by a partnership manager through the services, on each database:
// themes, actions and deliverables added, renamed, renumbered, moved, archived and restored,
// each change audited with before and after, and the policy saying who may.

describe.each(DIALECTS)('building and changing a plan on %s', (dialect) => {
  let t: TestApp
  let manager: CurrentUser
  let lead: CurrentUser
  let viewer: CurrentUser
  let helen: number
  let ian: number
  let planId = 0

  const s = () => t.deps.services
  const version = async () => (await s().plans.getPlan(planId)).version
  const plan = () => s().plans.getPlan(planId)
  const deliverablesOf = async () =>
    (await plan()).themes.flatMap((th) => th.actions.flatMap((a) => a.deliverables))
  const audited = async (action: string) => {
    const rows = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .execute()
    return rows.map((r) => ({
      entityId: r.entity_id,
      ...(JSON.parse(r.detail) as { before?: unknown; after?: unknown }),
    }))
  }
  const refusal = async (work: Promise<unknown>) =>
    work.then(
      () => null,
      (error: unknown) => error,
    )

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    helen = await s().partners.createPerson(TEST_ACTOR, { name: 'Helen Lyons' })
    ian = await s().partners.createPerson(TEST_ACTOR, { name: 'Ian Howells' })
    const user = async (id: number) => asCurrentUser(await s().users.get(id))
    manager = await user(t.userIds['partnership-manager'])
    viewer = await user(t.userIds.viewer)
    lead = { ...(await user(t.userIds.lead)), personId: helen }
  })
  afterAll(() => t?.close())

  it('lets only partnership managers and administrators create a plan, and refuses a title already used', async () => {
    const input = {
      title: 'Violence Reduction Plan 2026/28',
      period: '2026/28',
      owningBoard: 'Safer Southwark Partnership',
    }
    expect(await refusal(s().planStructure.createPlan(TEST_ACTOR, viewer, input))).toBeInstanceOf(
      ForbiddenError,
    )
    expect(await refusal(s().planStructure.createPlan(TEST_ACTOR, lead, input))).toBeInstanceOf(
      ForbiddenError,
    )
    planId = await s().planStructure.createPlan(TEST_ACTOR, manager, input)
    expect(await plan()).toMatchObject({
      title: input.title,
      period: '2026/28',
      owningBoard: 'Safer Southwark Partnership',
      themes: [],
    })
    const again = await refusal(s().planStructure.createPlan(TEST_ACTOR, manager, input))
    expect((again as ValidationError).fieldErrors).toEqual({ title: 'A plan with this title already exists' })
    expect((await audited('plan.create'))[0]).toMatchObject({
      entityId: String(planId),
      after: { title: input.title },
    })
  })

  it('adds, renames and reorders themes, refusing a change made on a stale page', async () => {
    const add = async (title: string) =>
      s().planStructure.addTheme(TEST_ACTOR, manager, planId, { title, version: await version() })
    const governance = await add('Governance')
    const prevention = await add('Prevention')
    const enforcement = await add('Enforcement')
    const stale = (await version()) - 1
    const conflict = await refusal(
      s().planStructure.changeTheme(TEST_ACTOR, manager, prevention, { title: 'Early help', version: stale }),
    )
    expect(conflict).toBeInstanceOf(ConflictError)

    await s().planStructure.changeTheme(TEST_ACTOR, manager, prevention, {
      title: 'Early help and prevention',
      subtitle: 'Before harm',
      version: await version(),
    })
    await s().planStructure.moveTheme(TEST_ACTOR, manager, enforcement, {
      direction: 'up',
      version: await version(),
    })
    await s().planStructure.moveTheme(TEST_ACTOR, manager, governance, {
      direction: 'up',
      version: await version(),
    })
    expect((await plan()).themes.map((th) => [th.title, th.subtitle])).toEqual([
      ['Governance', ''],
      ['Enforcement', ''],
      ['Early help and prevention', 'Before harm'],
    ])
    expect((await audited('plan.theme.change'))[0]).toMatchObject({
      entityId: String(prevention),
      before: { title: 'Prevention', subtitle: '' },
      after: { title: 'Early help and prevention', subtitle: 'Before harm' },
    })
    expect(
      await refusal(
        s().planStructure.addTheme(TEST_ACTOR, lead, planId, { title: 'Mine', version: await version() }),
      ),
    ).toBeInstanceOf(ForbiddenError)
  })

  it('adds actions with their numbers, renumbers them, marks them locally added and moves them between themes', async () => {
    const [governance, enforcement] = (await plan()).themes
    if (!governance || !enforcement) throw new Error('two themes were added')
    const first = await s().planStructure.addAction(TEST_ACTOR, manager, governance.id, {
      number: '1',
      text: 'Monthly tasking',
      version: await version(),
    })
    const second = await s().planStructure.addAction(TEST_ACTOR, manager, governance.id, {
      number: '3',
      text: 'Weapon sweeps',
      locallyAdded: 'yes',
      version: await version(),
    })
    await s().planStructure.changeAction(TEST_ACTOR, manager, second, {
      number: '*2',
      text: 'Weapon sweeps in parks',
      locallyAdded: 'yes',
      themeId: enforcement.id,
      version: await version(),
    })
    const view = await plan()
    expect(view.themes[0]?.actions.map((a) => [a.id, a.number, a.locallyAdded])).toEqual([
      [first, '1', false],
    ])
    expect(view.themes[1]?.actions.map((a) => [a.id, a.number, a.locallyAdded, a.text])).toEqual([
      [second, '*2', true, 'Weapon sweeps in parks'],
    ])
    expect((await audited('plan.action.change'))[0]).toMatchObject({
      before: { number: '3', text: 'Weapon sweeps', locally_added: 1, theme_id: governance.id },
      after: { number: '*2', text: 'Weapon sweeps in parks', locally_added: 1, theme_id: enforcement.id },
    })
  })

  it('adds a deliverable with its leads from the partnership’s people and its lead organisations', async () => {
    const action = (await plan()).themes[0]?.actions[0]
    if (!action) throw new Error('an action was added')
    const id = await s().planStructure.addDeliverable(TEST_ACTOR, manager, action.id, {
      outcome: 'Every partner attends tasking',
      start: 'Jan-26',
      end: '31/12/2026',
      leadPersonIds: [String(helen), String(ian)],
      leadOrganisations: 'MPS\nLBS\n',
      rag: 'not-started',
      version: await version(),
    })
    const [d] = await deliverablesOf()
    expect(d).toMatchObject({
      id,
      outcome: 'Every partner attends tasking',
      start: '2026-01',
      end: '2026-12-31',
      leads: ['Helen Lyons', 'Ian Howells'],
      leadPersonIds: [helen, ian],
      leadOrganisations: ['MPS', 'LBS'],
    })
    expect((await s().deliverables.ledBy(lead)).map((r) => r.id)).toEqual([id])
    expect((await audited('deliverable.add'))[0]).toMatchObject({
      entityId: String(id),
      after: {
        outcome: 'Every partner attends tasking',
        leads: [{ personId: helen }, { personId: ian }],
        lead_organisations: ['MPS', 'LBS'],
      },
    })
    const unknown = await refusal(
      s().planStructure.addDeliverable(TEST_ACTOR, manager, action.id, {
        outcome: 'x',
        rag: 'red',
        leadPersonIds: [999999],
        version: await version(),
      }),
    )
    expect((unknown as ValidationError).fieldErrors).toEqual({
      leadPersonIds: 'Select a lead from the list of people',
    })
  })

  it('lets a manager change a deliverable’s leads, organisations and action; its lead changes only its details', async () => {
    const [d] = await deliverablesOf()
    if (!d) throw new Error('a deliverable was added')
    const moved = (await plan()).themes[1]?.actions[0]
    if (!moved) throw new Error('an action was moved to the second theme')
    const details = {
      outcome: d.outcome,
      start: 'Jan-26',
      end: 'Dec-26',
      rag: 'green',
      progress: 'Going well',
      version: d.version,
    }
    const byLead = await refusal(
      s().deliverables.edit(TEST_ACTOR, lead, d.id, { ...details, leadPersonIds: [helen] }),
    )
    expect(byLead).toBeInstanceOf(ForbiddenError)
    await s().deliverables.edit(TEST_ACTOR, lead, d.id, details)
    const now = await s().deliverables.get(d.id)
    expect(now).toMatchObject({
      progress: 'Going well',
      leads: [{ name: 'Helen Lyons' }, { name: 'Ian Howells' }],
    })

    await s().deliverables.edit(TEST_ACTOR, manager, d.id, {
      ...details,
      version: now.version,
      leadPersonIds: [ian],
      leadOrganisations: ['Probation'],
      actionId: moved.id,
    })
    const after = await s().deliverables.get(d.id)
    expect(after).toMatchObject({
      leads: [{ name: 'Ian Howells', personId: ian }],
      leadOrganisations: ['Probation'],
      actionId: moved.id,
      theme: 'Enforcement',
    })
    expect((await s().deliverables.ledBy(lead)).map((r) => r.id)).toEqual([])
    expect((await audited('deliverable.update'))[0]).toMatchObject({
      before: {
        action_id: now.actionId,
        leads: [{ personId: helen }, { personId: ian }],
        lead_organisations: ['MPS', 'LBS'],
      },
      after: {
        action_id: moved.id,
        leads: [{ personId: ian, name: 'Ian Howells' }],
        lead_organisations: ['Probation'],
      },
    })
  })

  it('refuses an impossible date, an end before the start unless confirmed, and says how long a long text is', async () => {
    const [d] = await deliverablesOf()
    if (!d) throw new Error('a deliverable was added')
    const base = { outcome: d.outcome, rag: 'green', version: d.version }
    const fields = async (input: Record<string, unknown>) =>
      (
        (await refusal(
          s().deliverables.edit(TEST_ACTOR, manager, d.id, { ...base, ...input }),
        )) as ValidationError
      ).fieldErrors
    expect((await fields({ start: '31/02/2019' })).start).toBe(
      'The start must be a real date: 31/02/2019 is not a day in the calendar',
    )
    expect((await fields({ start: 'Mar-20', end: 'Mar-19' })).end).toMatch(
      /^The end must be on or after the start/,
    )
    expect((await fields({ progress: 'x'.repeat(62_503) })).progress).toBe(
      'Progress must be 5,000 characters or fewer (you entered 62,503)',
    )
    const update = await refusal(
      s().deliverables.addUpdate(TEST_ACTOR, manager, d.id, {
        updateOn: '2026-01-05',
        text: 'y'.repeat(5001),
        rag: 'red',
      }),
    )
    expect((update as ValidationError).fieldErrors.text).toBe(
      'Progress update must be 5,000 characters or fewer (you entered 5,001)',
    )

    await s().deliverables.edit(TEST_ACTOR, manager, d.id, {
      ...base,
      start: 'Mar-20',
      end: 'Mar-19',
      confirmEndBeforeStart: 'yes',
    })
    expect((await s().deliverables.get(d.id)).flags.endBeforeStart).toBe(true)
  })

  it('archives a deliverable, an action and a theme with a reason, hides them everywhere, and restores them', async () => {
    const [d] = await deliverablesOf()
    if (!d) throw new Error('a deliverable was added')
    const refused = await refusal(
      s().planStructure.archive(TEST_ACTOR, lead, 'deliverable', d.id, {
        reason: 'Done elsewhere',
        version: await version(),
      }),
    )
    expect(refused).toBeInstanceOf(ForbiddenError)
    const noReason = await refusal(
      s().planStructure.archive(TEST_ACTOR, manager, 'deliverable', d.id, {
        reason: ' ',
        version: await version(),
      }),
    )
    expect((noReason as ValidationError).fieldErrors).toEqual({ reason: 'Say why it is being removed' })

    await s().planStructure.archive(TEST_ACTOR, manager, 'deliverable', d.id, {
      reason: 'Merged into tasking',
      version: await version(),
    })
    expect(await deliverablesOf()).toEqual([])
    expect(summarisePlan(await plan()).total.total).toBe(0)
    const csv = (await s().plans.exportPlan(TEST_ACTOR, planId, 'csv')).content.toString('utf8')
    expect(csv).not.toContain(d.outcome)
    const archived = await s().planStructure.archived(planId)
    expect(archived.deliverables).toEqual([
      {
        id: d.id,
        outcome: d.outcome,
        actionNumber: '*2',
        theme: 'Enforcement',
        archived: { at: expect.any(String), reason: 'Merged into tasking', by: 'test setup' },
      },
    ])
    expect((await s().deliverables.get(d.id)).archived).toMatchObject({ reason: 'Merged into tasking' })
    expect((await audited('plan.deliverable.archive'))[0]).toMatchObject({
      entityId: String(d.id),
      before: { archived_at: null },
      after: { archived_reason: 'Merged into tasking' },
    })

    const onArchived = await refusal(
      s().deliverables.addUpdate(TEST_ACTOR, manager, d.id, {
        updateOn: '2026-01-05',
        text: 'Still going',
        rag: 'green',
      }),
    )
    expect((onArchived as ValidationError).fieldErrors.form).toMatch(/has been removed from the plan/)
    await s().planStructure.restore(TEST_ACTOR, manager, 'deliverable', d.id, { version: await version() })
    expect((await deliverablesOf()).map((x) => x.id)).toEqual([d.id])
    expect((await s().planStructure.archived(planId)).deliverables).toEqual([])

    const theme = (await plan()).themes[1]
    const action = theme?.actions[0]
    if (!theme || !action) throw new Error('the second theme and its action are there')
    await s().planStructure.archive(TEST_ACTOR, manager, 'action', action.id, {
      reason: 'Folded into action 1',
      version: await version(),
    })
    expect((await plan()).themes[1]?.actions).toEqual([])
    expect((await s().planStructure.archived(planId)).actions).toMatchObject([
      { id: action.id, number: '*2', theme: 'Enforcement', archived: { reason: 'Folded into action 1' } },
    ])
    await s().planStructure.restore(TEST_ACTOR, manager, 'action', action.id, { version: await version() })

    await s().planStructure.archive(TEST_ACTOR, manager, 'theme', theme.id, {
      reason: 'Not this year',
      version: await version(),
    })
    expect((await plan()).themes.map((th) => th.title)).toEqual(['Governance', 'Early help and prevention'])
    expect(await deliverablesOf()).toEqual([])
    expect((await s().planStructure.archived(planId)).themes).toMatchObject([
      { id: theme.id, archived: { reason: 'Not this year' } },
    ])
    await s().planStructure.restore(TEST_ACTOR, manager, 'theme', theme.id, { version: await version() })
    expect((await deliverablesOf()).map((x) => x.id)).toEqual([d.id])
    expect((await audited('plan.theme.restore'))[0]).toMatchObject({
      before: { archived_reason: 'Not this year' },
      after: { archived_at: null },
    })
  })
})
