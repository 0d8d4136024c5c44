import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { resolveLeads } from './leads.ts'
import { createPlanArchiveService } from './plan-archive.service.ts'
import { changePlanAt } from './plan-change.ts'
import * as plansRepo from './plans.repository.ts'
import { requireMayChangePlan } from './policy.ts'
import { newDeliverableInput } from './schema.ts'
import * as strategiesRepo from './strategies.repository.ts'
import * as repo from './structure.repository.ts'
import { actionInput, moveInput, newPlanInput, restoreInput, themeInput } from './structure.schema.ts'

export type { PlanPart } from './plan-archive.service.ts'

/**
 * A plan's shape, built and changed by partnership managers: a new plan, its themes, actions and
 * deliverables added, renamed, renumbered, moved, removed (archived, with a reason) and restored.
 * Every change is made against the plan version the person read, marks the plan changed (so every
 * cached view of it is dropped) and is audited with its before and after.
 */
export function createPlanStructureService(db: Db, audit: AuditService, partners: PartnersService) {
  const changePlan = <T>(planId: number, version: number, work: (trx: Executor, now: string) => Promise<T>) =>
    changePlanAt(db, planId, version, work)

  async function themeOf(exec: Executor, id: number) {
    const theme = await repo.findTheme(exec, id)
    if (!theme) throw new NotFoundError('Theme')
    return theme
  }

  async function actionOf(exec: Executor, id: number) {
    const action = await repo.findAction(exec, id)
    if (!action) throw new NotFoundError('Action')
    return action
  }

  async function createPlan(actor: Actor, user: CurrentUser, input: unknown): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(newPlanInput, input)
    return db.transaction().execute(async (trx) => {
      if (await plansRepo.findPlanByTitle(trx, v.title))
        throw new ValidationError({ title: 'A plan with this title already exists' })
      if (v.strategyId !== null && !(await strategiesRepo.findStrategy(trx, v.strategyId))) {
        throw new ValidationError({ strategyId: 'Select a strategy from the list' })
      }
      const values = {
        title: v.title,
        period: v.period,
        owning_board: v.owningBoard,
        strategy_id: v.strategyId,
        source_file: null,
        source_sha256: null,
      }
      const id = await plansRepo.insertPlan(trx, values, new Date().toISOString())
      await audit.record(trx, actor, {
        action: 'plan.create',
        entityType: 'plan',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  async function addTheme(actor: Actor, user: CurrentUser, planId: number, input: unknown): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(themeInput, input)
    return changePlan(planId, v.version, async (trx) => {
      const values = {
        plan_id: planId,
        position: await repo.nextPosition(trx, 'plan_themes', { column: 'plan_id', id: planId }),
        title: v.title,
        subtitle: v.subtitle ?? '',
      }
      const id = await repo.insertTheme(trx, values)
      await audit.record(trx, actor, {
        action: 'plan.theme.add',
        entityType: 'theme',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  async function changeTheme(actor: Actor, user: CurrentUser, themeId: number, input: unknown) {
    requireMayChangePlan(user)
    const v = parseInput(themeInput, input)
    const { plan_id } = await themeOf(db, themeId)
    await changePlan(plan_id, v.version, async (trx) => {
      const before = await themeOf(trx, themeId)
      const after = { title: v.title, subtitle: v.subtitle ?? '' }
      await repo.updateTheme(trx, themeId, after)
      await audit.record(trx, actor, {
        action: 'plan.theme.change',
        entityType: 'theme',
        entityId: themeId,
        before: { title: before.title, subtitle: before.subtitle },
        after,
      })
    })
  }

  /** Swaps a live theme with the live one above or below it; at the top or bottom it stays. */
  async function moveTheme(actor: Actor, user: CurrentUser, themeId: number, input: unknown) {
    requireMayChangePlan(user)
    const v = parseInput(moveInput, input)
    const { plan_id } = await themeOf(db, themeId)
    await changePlan(plan_id, v.version, async (trx) => {
      const themes = await plansRepo.themesOf(trx, plan_id)
      const at = themes.findIndex((t) => t.id === themeId)
      const other = themes[v.direction === 'up' ? at - 1 : at + 1]
      const self = themes[at]
      if (!self || !other) return
      await repo.updateTheme(trx, self.id, { position: other.position })
      await repo.updateTheme(trx, other.id, { position: self.position })
      await audit.record(trx, actor, {
        action: 'plan.theme.move',
        entityType: 'theme',
        entityId: themeId,
        before: { order: themes.map((t) => t.title) },
        after: {
          order: themes.map((t) =>
            t.id === self.id ? other.title : t.id === other.id ? self.title : t.title,
          ),
        },
      })
    })
  }

  async function addAction(
    actor: Actor,
    user: CurrentUser,
    themeId: number,
    input: unknown,
  ): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(actionInput, input)
    const theme = await themeOf(db, themeId)
    return changePlan(theme.plan_id, v.version, async (trx) => {
      const values = {
        theme_id: themeId,
        position: await repo.nextPosition(trx, 'plan_actions', { column: 'theme_id', id: themeId }),
        number: v.number,
        locally_added: v.locallyAdded ? 1 : 0,
        text: v.text,
      }
      const id = await repo.insertAction(trx, values)
      await audit.record(trx, actor, {
        action: 'plan.action.add',
        entityType: 'action',
        entityId: id,
        after: values,
      })
      return id
    })
  }

  /** Renumbers, rewrites or marks an action, or moves it to the end of another theme of the same plan. */
  async function changeAction(actor: Actor, user: CurrentUser, actionId: number, input: unknown) {
    requireMayChangePlan(user)
    const v = parseInput(actionInput, input)
    const { plan_id } = await actionOf(db, actionId)
    await changePlan(plan_id, v.version, async (trx) => {
      const before = await actionOf(trx, actionId)
      const after: Parameters<typeof repo.updateAction>[2] = {
        number: v.number,
        text: v.text,
        locally_added: v.locallyAdded ? 1 : 0,
      }
      if (v.themeId !== undefined && v.themeId !== before.theme_id) {
        const target = await repo.findTheme(trx, v.themeId)
        if (!target || target.plan_id !== plan_id || target.archived_at)
          throw new ValidationError({ themeId: 'Select a theme of this plan from the list' })
        after.theme_id = target.id
        after.position = await repo.nextPosition(trx, 'plan_actions', { column: 'theme_id', id: target.id })
      }
      await repo.updateAction(trx, actionId, after)
      const { number, text, locally_added, theme_id } = before
      await audit.record(trx, actor, {
        action: 'plan.action.change',
        entityType: 'action',
        entityId: actionId,
        before: { number, text, locally_added, theme_id },
        after,
      })
    })
  }

  async function addDeliverable(
    actor: Actor,
    user: CurrentUser,
    actionId: number,
    input: unknown,
  ): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(newDeliverableInput.and(restoreInput), input)
    const action = await actionOf(db, actionId)
    const leads = await resolveLeads(partners, v.leadPersonIds ?? [])
    return changePlan(action.plan_id, v.version, async (trx, now) => {
      const live = await actionOf(trx, actionId)
      if (live.archived_at || live.theme_archived_at)
        throw new ValidationError({
          form: 'This action has been removed from the plan. Restore it before adding to it.',
        })
      const values = {
        action_id: actionId,
        position: await repo.nextPosition(trx, 'deliverables', { column: 'action_id', id: actionId }),
        outcome: v.outcome,
        start_on: v.start,
        end_on: v.end,
        supporting_organisations: v.supportingOrganisations ?? '',
        progress: v.progress ?? '',
        comment: v.comment ?? '',
        document_references: v.documentReferences ?? '',
        rag: v.rag,
      }
      const id = await repo.insertDeliverable(trx, values, now)
      await repo.replaceLeads(trx, id, leads)
      await repo.replaceLeadOrganisations(trx, id, v.leadOrganisations ?? [])
      await audit.record(trx, actor, {
        action: 'deliverable.add',
        entityType: 'deliverable',
        entityId: id,
        after: { ...values, leads, lead_organisations: v.leadOrganisations ?? [] },
      })
      return id
    })
  }

  async function themeInPlan(id: number) {
    const theme = await themeOf(db, id)
    const plan = await plansRepo.planStamp(db, theme.plan_id)
    return {
      theme: { id, title: theme.title, subtitle: theme.subtitle },
      plan: { id: theme.plan_id, version: plan?.version ?? 0 },
    }
  }

  async function actionInPlan(id: number) {
    const action = await actionOf(db, id)
    const plan = await plansRepo.planStamp(db, action.plan_id)
    return {
      action: {
        id,
        number: action.number,
        text: action.text,
        locallyAdded: action.locally_added === 1,
        themeId: action.theme_id,
      },
      plan: { id: action.plan_id, version: plan?.version ?? 0 },
    }
  }

  return {
    ...createPlanArchiveService(db, audit),
    themeInPlan,
    actionInPlan,
    createPlan,
    addTheme,
    changeTheme,
    moveTheme,
    addAction,
    changeAction,
    addDeliverable,
  }
}

export type PlanStructureService = ReturnType<typeof createPlanStructureService>
