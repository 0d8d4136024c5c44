import type { ExpressionBuilder, Insertable, SelectQueryBuilder } from 'kysely'
import type { Executor } from '../../db/database.ts'
import type { Database } from '../../db/types.ts'
import type { DeliverableTable, LeadershipMemberTable, PlanTable, StrategicAimTable } from './tables.ts'

// All SQL for action plans as wholes: the plan row, its themes, actions and deliverables,
// its aims and leadership. Deliverable edits and updates are in deliverables.repository.ts.

export async function listPlans(db: Executor) {
  return db
    .selectFrom('plans')
    .leftJoin('strategies', 'strategies.id', 'plans.strategy_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.period',
      'plans.owning_board',
      'plans.strategy_id',
      'plans.updated_at',
      'strategies.title as strategy_title',
    ])
    .orderBy('plans.title')
    .execute()
}

export async function findPlan(db: Executor, id: number) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findPlanByTitle(db: Executor, title: string) {
  return db.selectFrom('plans').selectAll().where('title', '=', title).executeTakeFirst()
}

export type PlanValues = Required<Omit<Insertable<PlanTable>, 'id' | 'created_at' | 'updated_at' | 'version'>>

export async function insertPlan(db: Executor, values: PlanValues, now: string) {
  const row = await db
    .insertInto('plans')
    .values({ ...values, created_at: now, updated_at: now, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Marks the plan as changed. Everything that changes what the plan page shows (a deliverable, a
 * progress update, the strategy link) calls this, so updated_at is the plan's change stamp: the plan
 * view (plans.service.ts) and the rendered plan page (web/plan-page-cache.ts) are cached by it and
 * are otherwise never refreshed. Call it, in the same transaction, from any new write that changes
 * what a plan shows, including one outside this module: an administrator's merge of people (a lead
 * or leader's name, or which person they are) must touch every plan that names either person.
 */
export async function touchPlan(db: Executor, planId: number, now: string, expectVersion?: number) {
  let q = db
    .updateTable('plans')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', planId)
  // A change to the plan's shape is made against the version the person read: false if it moved on.
  if (expectVersion !== undefined) q = q.where('version', '=', expectVersion)
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1
}

export async function planStamp(db: Executor, planId: number) {
  return db.selectFrom('plans').select(['updated_at', 'version']).where('id', '=', planId).executeTakeFirst()
}

export async function replacePlanRow(db: Executor, id: number, values: PlanValues, now: string) {
  await db
    .updateTable('plans')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function insertTheme(
  db: Executor,
  values: { plan_id: number; position: number; title: string; subtitle: string; notes: string },
) {
  return (await db.insertInto('plan_themes').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export type DeliverableValues = Omit<Insertable<DeliverableTable>, 'created_at' | 'updated_at' | 'version'>

// Multi-row inserts in chunks: a 2,000-deliverable plan is a few dozen statements, not thousands,
// and each chunk stays under SQLite's and PostgreSQL's limits on bound parameters.
const CHUNK = 400

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK))
}

export async function insertActions(
  db: Executor,
  rows: Array<{
    theme_id: number
    position: number
    number: string | null
    locally_added: number
    text: string
  }>,
) {
  await insertChunked(rows, (chunk) => db.insertInto('plan_actions').values(chunk).execute())
}

export async function insertDeliverables(db: Executor, rows: DeliverableValues[], now: string) {
  await insertChunked(rows, (chunk) =>
    db
      .insertInto('deliverables')
      .values(chunk.map((values) => ({ ...values, created_at: now, updated_at: now, version: 1 })))
      .execute(),
  )
}

/** Ids of a plan's actions by theme and position: how a batch insert learns what it made. */
export async function actionKeysOf(db: Executor, planId: number) {
  return db
    .selectFrom('plan_actions')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select(['plan_actions.id', 'plan_actions.theme_id', 'plan_actions.position'])
    .where('plan_themes.plan_id', '=', planId)
    .execute()
}

export async function deliverableKeysOf(db: Executor, planId: number) {
  return db
    .selectFrom('deliverables')
    .select(['id', 'action_id', 'position'])
    .where('id', 'in', deliverableIdsIn(db, planId, { includeArchived: true }))
    .execute()
}

export async function insertLeads(
  db: Executor,
  rows: Array<{ deliverable_id: number; position: number; person_id: number; name_as_written: string }>,
) {
  await insertChunked(rows, (chunk) => db.insertInto('deliverable_leads').values(chunk).execute())
}

export async function insertLeadOrganisations(
  db: Executor,
  rows: Array<{ deliverable_id: number; position: number; name: string }>,
) {
  await insertChunked(rows, (chunk) =>
    db.insertInto('deliverable_lead_organisations').values(chunk).execute(),
  )
}

export async function insertAims(db: Executor, rows: Array<Insertable<StrategicAimTable>>) {
  if (rows.length) await db.insertInto('strategic_aims').values(rows).execute()
}

export async function insertLeaders(db: Executor, rows: Array<Insertable<LeadershipMemberTable>>) {
  if (rows.length) await db.insertInto('leadership_members').values(rows).execute()
}

// Reading a plan back: one query per level, assembled in the service.

/** The date of a deliverable's latest progress update, for selecting beside it. */
export function latestUpdateOn(eb: ExpressionBuilder<Database, 'deliverables'>) {
  return eb
    .selectFrom('deliverable_updates')
    .select((u) => u.fn.max('update_on').as('latest'))
    .whereRef('deliverable_updates.deliverable_id', '=', 'deliverables.id')
}

/** Which rows a read wants: the live plan (the default everywhere people look), or archived rows too. */
export interface Archived {
  includeArchived?: boolean
}

/**
 * Keeps only rows still in the plan: a deliverable is live when it, its action and its theme are
 * all unarchived. Every read of a plan's content goes through this, so an archived row drops out
 * of pages, counts, filters, exports and reminders at once.
 */
export function liveOnly<DB, TB extends keyof DB & ('deliverables' | 'plan_actions' | 'plan_themes'), O>(
  q: SelectQueryBuilder<DB, TB, O>,
  tables: ReadonlyArray<'deliverables' | 'plan_actions' | 'plan_themes'>,
): SelectQueryBuilder<DB, TB, O> {
  // biome-ignore lint/suspicious/noExplicitAny: the column name is built from a table the caller joined
  return tables.reduce((acc, table) => acc.where(`${table}.archived_at` as any, 'is', null), q)
}

/** The ids of a plan's deliverables, as a subquery: the one place that walks plan → theme → action. */
export function deliverableIdsIn(db: Executor, planId: number, options: Archived = {}) {
  const q = db
    .selectFrom('deliverables')
    .innerJoin('plan_actions', 'plan_actions.id', 'deliverables.action_id')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .select('deliverables.id')
    .where('plan_themes.plan_id', '=', planId)
  return options.includeArchived ? q : liveOnly(q, ['deliverables', 'plan_actions', 'plan_themes'])
}

export async function themesOf(db: Executor, planId: number, options: Archived = {}) {
  const q = db.selectFrom('plan_themes').selectAll().where('plan_id', '=', planId).orderBy('position')
  return (options.includeArchived ? q : liveOnly(q, ['plan_themes'])).execute()
}

export async function actionsOf(db: Executor, planId: number, options: Archived = {}) {
  const q = db
    .selectFrom('plan_actions')
    .innerJoin('plan_themes', 'plan_themes.id', 'plan_actions.theme_id')
    .selectAll('plan_actions')
    .where('plan_themes.plan_id', '=', planId)
    .orderBy('plan_actions.position')
  return (options.includeArchived ? q : liveOnly(q, ['plan_actions', 'plan_themes'])).execute()
}

export async function deliverablesOf(db: Executor, planId: number) {
  return db
    .selectFrom('deliverables')
    .selectAll()
    .select((eb) => latestUpdateOn(eb).as('latest_update_on'))
    .where('id', 'in', deliverableIdsIn(db, planId))
    .orderBy('action_id')
    .orderBy('position')
    .execute()
}

export async function leadsOf(db: Executor, planId: number) {
  return db
    .selectFrom('deliverable_leads')
    .select(['deliverable_id', 'person_id', 'name_as_written', 'position'])
    .where('deliverable_id', 'in', deliverableIdsIn(db, planId))
    .orderBy('position')
    .execute()
}

export async function leadOrganisationsOf(db: Executor, planId: number) {
  return db
    .selectFrom('deliverable_lead_organisations')
    .select(['deliverable_id', 'name', 'position'])
    .where('deliverable_id', 'in', deliverableIdsIn(db, planId))
    .orderBy('position')
    .execute()
}

export async function aimsOf(db: Executor, owner: { planId?: number; strategyId?: number }) {
  let q = db.selectFrom('strategic_aims').select(['text', 'position'])
  q =
    owner.planId !== undefined
      ? q.where('plan_id', '=', owner.planId)
      : q.where('strategy_id', '=', owner.strategyId ?? -1)
  return q.orderBy('position').execute()
}

export async function leadersOf(db: Executor, owner: { planId?: number; strategyId?: number }) {
  let q = db
    .selectFrom('leadership_members')
    .innerJoin('people', 'people.id', 'leadership_members.person_id')
    .select([
      'leadership_members.name_as_written as name',
      'leadership_members.initials',
      'leadership_members.organisation',
      'leadership_members.role',
      'leadership_members.person_id',
    ])
  q =
    owner.planId !== undefined
      ? q.where('leadership_members.plan_id', '=', owner.planId)
      : q.where('leadership_members.strategy_id', '=', owner.strategyId ?? -1)
  return q.orderBy('leadership_members.position').execute()
}

export async function plansOfStrategy(db: Executor, strategyId: number) {
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'period'])
    .where('strategy_id', '=', strategyId)
    .orderBy('title')
    .execute()
}
