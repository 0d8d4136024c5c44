import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { type ArchivedParts, toArchivedParts } from './archived.ts'
import { changePlanAt } from './plan-change.ts'
import * as plansRepo from './plans.repository.ts'
import { requireMayChangePlan } from './policy.ts'
import * as repo from './structure.repository.ts'
import { archiveInput, restoreInput } from './structure.schema.ts'

export type PlanPart = 'theme' | 'action' | 'deliverable'

const TABLE_OF: Record<PlanPart, repo.ArchivableTable> = {
  theme: 'plan_themes',
  action: 'plan_actions',
  deliverable: 'deliverables',
}
const LABEL_OF: Record<PlanPart, string> = { theme: 'Theme', action: 'Action', deliverable: 'Deliverable' }

/**
 * Removing a theme, action or deliverable from a plan, and putting it back. Nothing is deleted:
 * the row is archived with when, why and by whom, its history stays, and every read of the live
 * plan leaves it out (liveOnly in plans.repository.ts).
 */
export function createPlanArchiveService(db: Db, audit: AuditService) {
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
      return {
        planId: a.plan_id,
        archivedAt: a.archived_at,
        label: a.number ? `Action ${a.number}: ${a.text}` : a.text,
      }
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

  /** What a removal or restore form names: the part, its plan and whether it is archived. */
  async function describePart(part: PlanPart, id: number) {
    const p = await planOfPart(db, part, id)
    const plan = await plansRepo.planStamp(db, p.planId)
    return {
      planId: p.planId,
      planVersion: plan?.version ?? 0,
      name: p.label,
      archived: p.archivedAt !== null,
    }
  }

  return { archive, restore, archived, describePart }
}
