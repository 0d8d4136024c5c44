import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { toLeader, toLinkedPlan, toPlanHeader } from './plan.ts'
import * as plansRepo from './plans.repository.ts'
import {
  planStrategyInput,
  priorityChanges,
  priorityInput,
  strategyChanges,
  strategyInput,
} from './schema.ts'
import * as repo from './strategies.repository.ts'
import {
  type ListedStrategy,
  type Priority,
  type Strategy,
  toListedStrategy,
  toPriority,
  toStrategy,
} from './strategy.ts'

const STALE = 'Someone else changed this after you opened it. Check their changes, then make yours again.'
// A stale save's ConflictError carries the record as stored now, as a domain object (StrategyRecord,
// Priority, PlanHeader): pages compare it with the form, the API answers it in its own JSON.

type StrategyFields = {
  title: string
  period: string | null
  status: string
  adoptedOn: string | null
  adoptedBy: string | null
  vision: string | null
}
const strategyValues = (v: StrategyFields): repo.StrategyValues => ({
  title: v.title,
  period: v.period,
  status: v.status,
  adopted_on: v.adoptedOn,
  adopted_by: v.adoptedBy,
  vision: v.vision,
})

type PriorityFields = {
  title: string
  description: string | null
  objectives: string[]
  focus: string[]
  keyRecommendations: string[]
}
const priorityValues = (v: PriorityFields): repo.PriorityValues => ({
  title: v.title,
  description: v.description,
  objectives: JSON.stringify(v.objectives),
  focus: JSON.stringify(v.focus),
  key_recommendations: JSON.stringify(v.keyRecommendations),
})

/** Strategies: period, status, vision, aims, priorities with key recommendations, and the plans that deliver them. */
export function createStrategiesService(db: Db, audit: AuditService) {
  const list = async (): Promise<ListedStrategy[]> => (await repo.listStrategies(db)).map(toListedStrategy)

  async function get(id: number): Promise<Strategy> {
    const row = await repo.findStrategy(db, id)
    if (!row) throw new NotFoundError('Strategy')
    const [priorities, aims, leadership, plans] = await Promise.all([
      repo.prioritiesOf(db, id),
      plansRepo.aimsOf(db, { strategyId: id }),
      plansRepo.leadersOf(db, { strategyId: id }),
      plansRepo.plansOfStrategy(db, id),
    ])
    return {
      ...toStrategy(row),
      priorities: priorities.map(toPriority),
      strategicAims: aims.map((a) => a.text),
      leadership: leadership.map(toLeader),
      plans: plans.map(toLinkedPlan),
    }
  }

  async function create(actor: Actor, input: unknown) {
    const v = parseInput(strategyInput, input)
    return db.transaction().execute(async (trx) => {
      if (await repo.findStrategyByTitle(trx, v.title))
        throw new ValidationError({ title: 'A strategy with this title already exists' })
      const values = strategyValues(v)
      const id = await repo.insertStrategy(trx, values, new Date().toISOString())
      await repo.replaceStrategyAims(trx, id, v.strategicAims)
      await audit.record(trx, actor, {
        action: 'strategy.create',
        entityType: 'strategy',
        entityId: id,
        after: { ...values, strategicAims: v.strategicAims },
      })
      return id
    })
  }

  async function update(actor: Actor, id: number, input: unknown) {
    const v = parseInput(strategyChanges, input)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findStrategy(trx, id)
      if (!before) throw new NotFoundError('Strategy')
      const clash = await repo.findStrategyByTitle(trx, v.title)
      if (clash && clash.id !== id)
        throw new ValidationError({ title: 'A strategy with this title already exists' })
      const values = strategyValues(v)
      if (!(await repo.updateStrategy(trx, id, v.version, values, new Date().toISOString())))
        throw new ConflictError(STALE, toStrategy(before))
      const aimsBefore = (await plansRepo.aimsOf(trx, { strategyId: id })).map((a) => a.text)
      await repo.replaceStrategyAims(trx, id, v.strategicAims)
      const { title, period, status, adopted_on, adopted_by, vision } = before
      await audit.record(trx, actor, {
        action: 'strategy.update',
        entityType: 'strategy',
        entityId: id,
        before: { title, period, status, adopted_on, adopted_by, vision, strategicAims: aimsBefore },
        after: { ...values, strategicAims: v.strategicAims },
      })
    })
  }

  async function addPriority(actor: Actor, strategyId: number, input: unknown) {
    const v = parseInput(priorityInput, input)
    return db.transaction().execute(async (trx) => {
      if (!(await repo.findStrategy(trx, strategyId))) throw new NotFoundError('Strategy')
      const values = priorityValues(v)
      const id = await repo.insertPriority(trx, strategyId, values, new Date().toISOString())
      await audit.record(trx, actor, {
        action: 'priority.create',
        entityType: 'priority',
        entityId: id,
        after: { strategyId, ...values },
      })
      return id
    })
  }

  async function updatePriority(actor: Actor, id: number, input: unknown) {
    const v = parseInput(priorityChanges, input)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findPriority(trx, id)
      if (!before) throw new NotFoundError('Priority')
      const values = priorityValues(v)
      if (!(await repo.updatePriority(trx, id, v.version, values, new Date().toISOString())))
        throw new ConflictError(STALE, toPriority(before))
      const { title, description, objectives, focus, key_recommendations } = before
      await audit.record(trx, actor, {
        action: 'priority.update',
        entityType: 'priority',
        entityId: id,
        before: { title, description, objectives, focus, key_recommendations },
        after: values,
      })
    })
  }

  async function getPriority(id: number): Promise<Priority> {
    const row = await repo.findPriority(db, id)
    if (!row) throw new NotFoundError('Priority')
    return toPriority(row)
  }

  async function linkPlan(actor: Actor, planId: number, strategyId: number | null) {
    await db.transaction().execute(async (trx) => {
      const plan = await plansRepo.findPlan(trx, planId)
      if (!plan) throw new NotFoundError('Plan')
      if (strategyId !== null && !(await repo.findStrategy(trx, strategyId)))
        throw new ValidationError({ strategyId: 'Select a strategy from the list' })
      await repo.linkPlan(trx, planId, strategyId)
      await audit.record(trx, actor, {
        action: 'plan.link-strategy',
        entityType: 'plan',
        entityId: planId,
        before: { strategy_id: plan.strategy_id },
        after: { strategy_id: strategyId },
      })
    })
  }

  /** Links a plan to the strategy it delivers (or to none), from a form or the API, if nobody changed the plan since it was read. */
  async function setPlanStrategy(actor: Actor, planId: number, input: unknown) {
    const { strategyId, version } = parseInput(planStrategyInput, input)
    await db.transaction().execute(async (trx) => {
      const plan = await plansRepo.findPlan(trx, planId)
      if (!plan) throw new NotFoundError('Plan')
      if (strategyId !== null && !(await repo.findStrategy(trx, strategyId)))
        throw new ValidationError({ strategyId: 'Select a strategy from the list' })
      if (!(await repo.linkPlanAt(trx, planId, strategyId, version)))
        throw new ConflictError(STALE, toPlanHeader(plan))
      await audit.record(trx, actor, {
        action: 'plan.link-strategy',
        entityType: 'plan',
        entityId: planId,
        before: { strategy_id: plan.strategy_id },
        after: { strategy_id: strategyId },
      })
    })
  }

  return { list, get, create, update, addPriority, updatePriority, getPriority, linkPlan, setPlanStrategy }
}

export type StrategiesService = ReturnType<typeof createStrategiesService>
