import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, TEST_ACTOR, type TestApp } from '../helpers/app.ts'
import { DIALECTS } from '../helpers/databases.ts'
import { seed003 } from '../helpers/seeds.ts'

// An archived theme, action or deliverable has left the plan: the plan view no longer shows it,
// though its row (and its progress history) is still there to be restored.

describe.each(DIALECTS)('archived plan rows on %s', (dialect) => {
  let t: TestApp
  let planId: number

  const count = async () => {
    const view = await t.deps.services.plans.getPlan(planId)
    const actions = view.themes.flatMap((theme) => theme.actions)
    return {
      themes: view.themes.length,
      actions: actions.length,
      deliverables: actions.flatMap((a) => a.deliverables).length,
    }
  }
  const archive = async (table: 'plan_themes' | 'plan_actions' | 'deliverables', id: number) => {
    const db = t.deps.database.db
    await db
      .updateTable(table)
      .set({ archived_at: '2026-01-01T00:00:00Z', archived_reason: 'test', archived_by: 'Test' })
      .where('id', '=', id)
      .execute()
    await db
      .updateTable('plans')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .execute()
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect)
    planId = (
      await t.deps.services.planImport.importPlan(TEST_ACTOR, { fileName: 'plan.tsv', content: seed003() })
    ).planId as number
  })
  afterAll(() => t.close())

  it('drops an archived deliverable, then an archived action, then an archived theme, from the plan', async () => {
    const before = await count()
    const view = await t.deps.services.plans.getPlan(planId)
    const theme = view.themes[0]
    if (!theme) throw new Error('seed 003 has themes')
    const action = theme.actions.find((a) => a.deliverables.length > 0)
    if (!action?.deliverables[0])
      throw new Error('seed 003 has a theme whose first actions have deliverables')

    await archive('deliverables', action.deliverables[0].id)
    expect(await count()).toEqual({ ...before, deliverables: before.deliverables - 1 })

    await archive('plan_actions', action.id)
    const afterAction = await count()
    expect(afterAction.actions).toBe(before.actions - 1)
    expect(afterAction.deliverables).toBe(before.deliverables - action.deliverables.length)

    const left = theme.actions
      .filter((a) => a.id !== action.id)
      .reduce((n, a) => n + a.deliverables.length, 0)
    await archive('plan_themes', theme.id)
    const afterTheme = await count()
    expect(afterTheme.themes).toBe(before.themes - 1)
    expect(afterTheme.deliverables).toBe(afterAction.deliverables - left)
    expect(await t.deps.database.db.selectFrom('deliverables').select('id').execute()).toHaveLength(
      before.deliverables,
    )
  })
})
