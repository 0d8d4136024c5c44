import type { Insertable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { PriorityTable, StrategyTable } from './tables.ts'

type Kept = 'id' | 'created_at' | 'updated_at' | 'version'
export type StrategyValues = Required<Omit<Insertable<StrategyTable>, Kept>>
export type PriorityValues = Required<Omit<Insertable<PriorityTable>, Kept | 'strategy_id' | 'position'>>

export async function listStrategies(db: Executor) {
  return db
    .selectFrom('strategies')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('priorities')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('priorities.strategy_id', '=', 'strategies.id')
        .as('priority_count'),
    )
    .orderBy('period', 'desc')
    .orderBy('title')
    .execute()
}

export async function findStrategy(db: Executor, id: number) {
  return db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findStrategyByTitle(db: Executor, title: string) {
  return db.selectFrom('strategies').selectAll().where('title', '=', title).executeTakeFirst()
}

export async function insertStrategy(db: Executor, values: StrategyValues, now: string) {
  return (
    await db
      .insertInto('strategies')
      .values({ ...values, created_at: now, updated_at: now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}

export async function updateStrategy(
  db: Executor,
  id: number,
  version: number,
  values: StrategyValues,
  now: string,
) {
  const result = await db
    .updateTable('strategies')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function prioritiesOf(db: Executor, strategyId: number) {
  return db
    .selectFrom('priorities')
    .selectAll()
    .where('strategy_id', '=', strategyId)
    .orderBy('position')
    .execute()
}

export async function findPriority(db: Executor, id: number) {
  return db.selectFrom('priorities').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertPriority(db: Executor, strategyId: number, values: PriorityValues, now: string) {
  const last = await db
    .selectFrom('priorities')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('strategy_id', '=', strategyId)
    .executeTakeFirst()
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1
  return (
    await db
      .insertInto('priorities')
      .values({ ...values, strategy_id: strategyId, position, created_at: now, updated_at: now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}

export async function updatePriority(
  db: Executor,
  id: number,
  version: number,
  values: PriorityValues,
  now: string,
) {
  const result = await db
    .updateTable('priorities')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function replaceStrategyAims(db: Executor, strategyId: number, aims: string[]) {
  await db.deleteFrom('strategic_aims').where('strategy_id', '=', strategyId).execute()
  if (aims.length) {
    await db
      .insertInto('strategic_aims')
      .values(aims.map((text, position) => ({ strategy_id: strategyId, plan_id: null, position, text })))
      .execute()
  }
}

/** Links only when the plan's stored version matches; returns false on a stale write. */
export async function linkPlanAt(db: Executor, planId: number, strategyId: number | null, version: number) {
  const result = await db
    .updateTable('plans')
    .set({ strategy_id: strategyId, updated_at: new Date().toISOString(), version: version + 1 })
    .where('id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function linkPlan(db: Executor, planId: number, strategyId: number | null) {
  await db
    .updateTable('plans')
    .set((eb) => ({
      strategy_id: strategyId,
      updated_at: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', planId)
    .execute()
}
