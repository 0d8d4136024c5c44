import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { type ArchivedParts, toArchivedParts } from './archived.ts'
import { resolveLeads } from './leads.ts'
import { toPlanHeader } from './plan.ts'
import * as plansRepo from './plans.repository.ts'
import { requireMayChangePlan } from './policy.ts'
import { newDeliverableInput } from './schema.ts'
import * as strategiesRepo from './strategies.repository.ts'
import * as repo from './structure.repository.ts'
import {
  actionInput,
  archiveInput,
  moveInput,
  newPlanInput,
  restoreInput,
  themeInput,
} from './structure.schema.ts'

export type PlanPart = 'theme' | 'action' | 'deliverable'

const TABLE_OF: Record<PlanPart, repo.ArchivableTable> = {
  theme: 'plan_themes',
  action: 'plan_actions',
  deliverable: 'deliverables',
}
const LABEL_OF: Record<PlanPart, string> = { theme: 'Theme', action: 'Action', deliverable: 'Deliverable' }

const STALE =
  'Someone else changed this plan after you opened it. Check the plan as it is now, then make your change again.'

/**
 * A plan's shape, built and changed by partnership managers: a new plan, its themes, actions and
 * deliverables added, renamed, renumbered, moved, removed (archived, with a reason) and restored.
 * Every change is made against the plan version the person read, marks the plan changed (so every
 * cached view of it is dropped) and is audited with its before and after.
 */
export function createPlanStructureService(db: Db, audit: AuditService, partners: PartnersService) {
  /** Runs a change to one plan: refused if the plan moved on since `version`, audited inside the same transaction. */
  async function changePlan<T>(
    planId: number,
    version: number,
    work: (trx: Executor, now: string) => Promise<T>,
  ): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const plan = await plansRepo.findPlan(trx, planId)
      if (!plan) throw new NotFoundError('Plan')
      const now = new Date().toISOString()
      if (!(await plansRepo.touchPlan(trx, planId, now, version)))
        throw new ConflictError(STALE, toPlanHeader(plan))
      return work(trx, now)
    })
  }

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

  async function planOfPart(
    exec: Executor,
    part: PlanPart,
    id: number,
  ): Promise<{ planId: number; archivedAt: string | null; label: string }> {
    if (part === 'theme') {
      const t = await themeOf(exec, id)
      return { planId: t.plan_id, archivedAt: t.archived_at, label: t.title }
    }
    if (part === 'action') {
      const a = await actionOf(exec, id)
      return { planId: a.plan_id, archivedAt: a.archived_at, label: a.number ?? a.text.slice(0, 80) }
    }
    const d = await repo.findDeliverablePlan(exec, id)
    if (!d) throw new NotFoundError('Deliverable')
    return { planId: d.plan_id, archivedAt: d.archived_at, label: d.outcome.slice(0, 80) }
  }

  /** Removes a theme, action or deliverable from the plan: archived with who, when and why, never deleted. */
  async function archive(
    actor: Actor,
    user: CurrentUser,
    part: PlanPart,
    id: number,
    input: unknown,
  ): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(archiveInput, input)
    const { planId } = await planOfPart(db, part, id)
    return changePlan(planId, v.version, async (trx, now) => {
      const before = await planOfPart(trx, part, id)
      if (before.archivedAt)
        throw new ValidationError({ form: `${LABEL_OF[part]} has already been removed from the plan` })
      await repo.archiveRow(trx, TABLE_OF[part], id, { at: now, reason: v.reason, by: actor.label })
      await audit.record(trx, actor, {
        action: `plan.${part}.archive`,
        entityType: part,
        entityId: id,
        before: { archived_at: null, label: before.label },
        after: { archived_at: now, archived_reason: v.reason, archived_by: actor.label },
      })
      return planId
    })
  }

  async function restore(
    actor: Actor,
    user: CurrentUser,
    part: PlanPart,
    id: number,
    input: unknown,
  ): Promise<number> {
    requireMayChangePlan(user)
    const v = parseInput(restoreInput, input)
    const { planId } = await planOfPart(db, part, id)
    return changePlan(planId, v.version, async (trx) => {
      const row = await repo.archivedState(trx, TABLE_OF[part], id)
      if (!row?.archived_at) throw new ValidationError({ form: `${LABEL_OF[part]} is already in the plan` })
      await repo.restoreRow(trx, TABLE_OF[part], id)
      await audit.record(trx, actor, {
        action: `plan.${part}.restore`,
        entityType: part,
        entityId: id,
        before: row,
        after: { archived_at: null },
      })
      return planId
    })
  }

  async function archived(planId: number): Promise<ArchivedParts> {
    if (!(await plansRepo.findPlan(db, planId))) throw new NotFoundError('Plan')
    return toArchivedParts(await repo.archivedOf(db, planId))
  }

  return {
    createPlan,
    addTheme,
    changeTheme,
    moveTheme,
    addAction,
    changeAction,
    addDeliverable,
    archive,
    restore,
    archived,
  }
}

export type PlanStructureService = ReturnType<typeof createPlanStructureService>
