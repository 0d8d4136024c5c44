import type { Insertable, Updateable } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type {
  IndicatorComparatorTable,
  IndicatorCorrectionTable,
  IndicatorTable,
  IndicatorValueTable,
} from './tables.ts'
import './tables.ts'

// SQL for indicators, their targets, values, corrections and comparator series.

export async function listIndicators(db: Executor) {
  return db.selectFrom('indicators').selectAll().orderBy('name').orderBy('id').execute()
}

export async function findIndicator(db: Executor, ref: { id: number } | { key: string }) {
  const query = db.selectFrom('indicators').selectAll()
  return ('id' in ref ? query.where('id', '=', ref.id) : query.where('key', '=', ref.key)).executeTakeFirst()
}

export async function insertIndicator(db: Executor, values: Insertable<IndicatorTable>) {
  const row = await db.insertInto('indicators').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateIndicator(db: Executor, id: number, values: Updateable<IndicatorTable>) {
  await db.updateTable('indicators').set(values).where('id', '=', id).execute()
}

export async function valuesOf(db: Executor, indicatorId: number) {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('period')
    .execute()
}

/** Every value of every indicator, for the dashboard (one query, not one per tile). */
export async function allValues(db: Executor) {
  return db.selectFrom('indicator_values').selectAll().orderBy('indicator_id').orderBy('period').execute()
}

export async function findValue(db: Executor, indicatorId: number, period: string) {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .executeTakeFirst()
}

export async function insertValue(db: Executor, values: Insertable<IndicatorValueTable>) {
  await db.insertInto('indicator_values').values(values).execute()
}

export async function replaceValue(
  db: Executor,
  indicatorId: number,
  period: string,
  values: Updateable<IndicatorValueTable>,
) {
  await db
    .updateTable('indicator_values')
    .set(values)
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .execute()
}

export async function deleteValue(db: Executor, indicatorId: number, period: string) {
  await db
    .deleteFrom('indicator_values')
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .execute()
}

export async function insertCorrection(db: Executor, values: Insertable<IndicatorCorrectionTable>) {
  await db.insertInto('indicator_corrections').values(values).execute()
}

export async function correctionsOf(db: Executor, indicatorId: number) {
  return db
    .selectFrom('indicator_corrections')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('corrected_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function targetsOf(db: Executor, indicatorId: number) {
  return db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('period')
    .execute()
}

export async function allTargets(db: Executor) {
  return db.selectFrom('indicator_targets').selectAll().execute()
}

export async function setTarget(db: Executor, indicatorId: number, period: string, target: number) {
  await db
    .insertInto('indicator_targets')
    .values({ indicator_id: indicatorId, period, target })
    .onConflict((oc) => oc.columns(['indicator_id', 'period']).doUpdateSet({ target }))
    .execute()
}

export async function comparatorsOf(db: Executor, indicatorId: number) {
  return db
    .selectFrom('indicator_comparators')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('series')
    .orderBy('period')
    .execute()
}

export async function setComparator(db: Executor, values: Insertable<IndicatorComparatorTable>) {
  await db
    .insertInto('indicator_comparators')
    .values(values)
    .onConflict((oc) => oc.columns(['indicator_id', 'series', 'period']).doUpdateSet({ value: values.value }))
    .execute()
}

/** A computed indicator's figures are replaced whole on each refresh. */
export async function clearComputed(db: Executor, indicatorId: number) {
  await db
    .deleteFrom('indicator_values')
    .where('indicator_id', '=', indicatorId)
    .where('computed', '=', 1)
    .execute()
  await db.deleteFrom('indicator_comparators').where('indicator_id', '=', indicatorId).execute()
}

/** Saves a change made at `version`; false when someone else saved first. */
export async function updateIndicatorAt(
  db: Executor,
  id: number,
  version: number,
  values: Updateable<IndicatorTable>,
) {
  const result = await db
    .updateTable('indicators')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findTarget(db: Executor, indicatorId: number, period: string) {
  return db
    .selectFrom('indicator_targets')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .executeTakeFirst()
}

export async function deleteTarget(db: Executor, indicatorId: number, period: string) {
  await db
    .deleteFrom('indicator_targets')
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .execute()
}

/** Whether any value or target is stored: their periods are written for the indicator's frequency. */
export async function hasFigures(db: Executor, indicatorId: number) {
  const [value, target] = await Promise.all([
    db.selectFrom('indicator_values').select('id').where('indicator_id', '=', indicatorId).executeTakeFirst(),
    db
      .selectFrom('indicator_targets')
      .select('id')
      .where('indicator_id', '=', indicatorId)
      .executeTakeFirst(),
  ])
  return value !== undefined || target !== undefined
}

export async function renameComparatorSeries(db: Executor, indicatorId: number, from: string, to: string) {
  await db
    .updateTable('indicator_comparators')
    .set({ series: to })
    .where('indicator_id', '=', indicatorId)
    .where('series', '=', from)
    .execute()
}
