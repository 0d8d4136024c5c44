import type { CurrentUser } from '../../../access/current-user.ts'
import type { Db } from '../../../db/database.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { AuditService } from '../../audit/service.ts'
import type { DeliverablesService } from '../../plans/deliverables.service.ts'
import type { PlansService } from '../../plans/plans.service.ts'
import type { PlanStructureService } from '../../plans/structure.service.ts'
import * as meetingsRepo from '../meetings.repository.ts'
import * as minutesRepo from '../minutes.repository.ts'
import { dayText } from '../pages/common.ts'
import { requireMayManage, type Who } from '../policy.ts'
import { type ActionArising, toAction } from '../records.ts'
import * as repo from './papers.repository.ts'
import { isOverdue } from './rules.ts'
import { actionDeliverableInput, resolutionDeliverableInput, resolutionLinkInput } from './schema.ts'

/** A plan record as governance shows it: what it is, and its words. */
export interface PlanRecordLink {
  kind: 'action' | 'deliverable'
  id: number
  planId: number | null
  title: string
  /** False when the plans module no longer has it. */
  found: boolean
}

export interface ResolutionPlanLink extends PlanRecordLink {
  resolutionId: number
  resolutionNumber: string
  itemId: number
  /** The resolution created this deliverable, rather than changing one that was there. */
  created: boolean
}

export interface OwnedActionArising extends ActionArising {
  overdue: boolean
  deliverable: PlanRecordLink | null
}

type PlanServices = {
  plans: Pick<PlansService, 'listPlans' | 'getPlan'>
  planStructure: Pick<PlanStructureService, 'addDeliverable' | 'actionInPlan'>
  deliverables: Pick<DeliverablesService, 'get'>
}

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text)

/** Resolutions and actions arising tied to the plan, asked of the plans module through its services. */
export function createPlanLinksService(db: Db, audit: AuditService, s: PlanServices) {
  async function describe(kind: 'action' | 'deliverable', id: number): Promise<PlanRecordLink> {
    const missing = {
      kind,
      id,
      planId: null,
      title: `${kind === 'action' ? 'Action' : 'Deliverable'} ${id}`,
      found: false,
    }
    const notFound = (error: unknown) => {
      if (error instanceof NotFoundError) return null
      throw error
    }
    if (kind === 'deliverable') {
      const d = await s.deliverables.get(id).catch(notFound)
      return d
        ? { kind, id, planId: d.plan.id, title: `${d.plan.title}: ${short(d.outcome)}`, found: true }
        : missing
    }
    const a = await s.planStructure.actionInPlan(id).catch(notFound)
    if (!a) return missing
    const plan = (await s.plans.listPlans()).find((p) => p.id === a.plan.id)
    const label = a.action.number ? `${a.action.number} ${a.action.text}` : a.action.text
    return { kind, id, planId: a.plan.id, title: `${plan?.title ?? 'Plan'}: ${short(label)}`, found: true }
  }

  async function resolutionOn(meetingId: number, resolutionId: number) {
    const resolution = await repo.findResolution(db, resolutionId)
    if (!resolution || resolution.meeting_id !== meetingId)
      throw new ValidationError({ resolutionId: 'Choose a resolution of this meeting' })
    return resolution
  }

  /** Records that a resolution changes an existing plan action or deliverable. */
  async function linkResolution(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'link a resolution to the plan')
    const v = parseInput(resolutionLinkInput, input)
    const resolution = await resolutionOn(meetingId, v.resolutionId)
    const [kind, id] = v.target.split(':') as ['action' | 'deliverable', string]
    const target = await describe(kind, Number(id))
    if (!target.found)
      throw new ValidationError({ target: 'Choose a plan action or deliverable from the list' })
    await db.transaction().execute(async (trx) => {
      if (await repo.hasResolutionLink(trx, resolution.id, kind, target.id))
        throw new ValidationError({ target: `Resolution ${resolution.number} is already linked to it` })
      const values = { resolution_id: resolution.id, target_kind: kind, target_id: target.id, created: 0 }
      await repo.insertResolutionLink(trx, values, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'resolution.link-plan',
        entityType: 'meeting',
        entityId: meetingId,
        after: { ...values, resolution_number: resolution.number, title: target.title },
      })
    })
  }

  /**
   * A resolution that creates a deliverable: the plans module adds it under the chosen plan action
   * (and so its theme), with the resolution named in its document references, and audits it there;
   * the link is recorded and audited here.
   */
  async function createDeliverable(who: Who, meetingId: number, input: unknown): Promise<number> {
    requireMayManage(who, 'create a deliverable from a resolution')
    const v = parseInput(resolutionDeliverableInput, input)
    const resolution = await resolutionOn(meetingId, v.resolutionId)
    const meeting = await meetingsRepo.findMeeting(db, meetingId)
    if (!meeting) throw new NotFoundError('Meeting')
    const place = await s.planStructure.actionInPlan(v.actionId).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ actionId: 'Choose a plan action from the list' })
      throw error
    })
    const origin = `Resolution ${resolution.number}, item ${resolution.item_number}, ${meeting.board_name}, ${dayText(meeting.starts_at.slice(0, 10))}`
    // Governance's managers are the plans' managers too; the plans module checks again by role.
    const planUser = {
      ...(who.user ?? { role: 'admin' }),
      id: 0,
      email: '',
      name: who.actor.label,
    } as CurrentUser
    const deliverableId = await s.planStructure.addDeliverable(who.actor, planUser, v.actionId, {
      outcome: v.outcome ?? resolution.text,
      end: v.end ?? '',
      rag: 'not-started',
      documentReferences: origin,
      version: place.plan.version,
    })
    await db.transaction().execute(async (trx) => {
      const values = {
        resolution_id: resolution.id,
        target_kind: 'deliverable',
        target_id: deliverableId,
        created: 1,
      }
      await repo.insertResolutionLink(trx, values, new Date().toISOString())
      await audit.record(trx, who.actor, {
        action: 'resolution.create-deliverable',
        entityType: 'meeting',
        entityId: meetingId,
        after: {
          ...values,
          resolution_number: resolution.number,
          plan_id: place.plan.id,
          action_id: v.actionId,
        },
      })
    })
    return deliverableId
  }

  async function resolutionLinksOfMeeting(meetingId: number): Promise<ResolutionPlanLink[]> {
    const links: ResolutionPlanLink[] = []
    for (const l of await repo.listResolutionLinksOfMeeting(db, meetingId)) {
      links.push({
        ...(await describe(l.target_kind as 'action' | 'deliverable', l.target_id)),
        resolutionId: l.resolution_id,
        resolutionNumber: l.resolution_number,
        itemId: l.agenda_item_id,
        created: l.created === 1,
      })
    }
    return links
  }

  /** Ties an action arising to the plan deliverable it follows up (or unties it). */
  async function linkActionToDeliverable(who: Who, meetingId: number, input: unknown): Promise<void> {
    requireMayManage(who, 'link an action arising to a deliverable')
    const v = parseInput(actionDeliverableInput, input)
    const action = await minutesRepo.findAction(db, v.actionId)
    if (!action || action.meeting_id !== meetingId)
      throw new ValidationError({ actionId: 'Choose an action arising of this meeting' })
    if (v.deliverableId !== null && !(await describe('deliverable', v.deliverableId)).found)
      throw new ValidationError({ deliverableId: 'Choose a deliverable from the list' })
    await db.transaction().execute(async (trx) => {
      const before = await repo.deliverableOfAction(trx, action.id)
      await repo.setDeliverableOfAction(trx, action.id, v.deliverableId)
      await audit.record(trx, who.actor, {
        action: 'action-arising.deliverable',
        entityType: 'action-arising',
        entityId: action.id,
        before: { deliverable_id: before },
        after: { deliverable_id: v.deliverableId },
      })
    })
  }

  /** The deliverable each action arising follows up, for those that have one. */
  async function deliverablesOfActions(actionIds: readonly number[]): Promise<Map<number, PlanRecordLink>> {
    const out = new Map<number, PlanRecordLink>()
    for (const [actionId, deliverableId] of await repo.deliverablesOfActions(db, actionIds))
      out.set(actionId, await describe('deliverable', deliverableId))
    return out
  }

  /** A person's actions arising with the overdue flag (London day) and the deliverable each follows. */
  async function actionsArisingOwnedBy(
    personId: number,
    today = londonToday(),
  ): Promise<OwnedActionArising[]> {
    const actions = (await minutesRepo.listActionsOwnedBy(db, personId)).map(toAction)
    const deliverables = await deliverablesOfActions(actions.map((a) => a.id))
    return actions.map((a) => ({
      ...a,
      overdue: isOverdue(a, today),
      deliverable: deliverables.get(a.id) ?? null,
    }))
  }

  /** The plan actions and deliverables a manager may choose from, each under its plan and theme. */
  async function planChoices() {
    const actions: Array<{ id: number; text: string }> = []
    const deliverables: Array<{ id: number; text: string }> = []
    for (const listed of await s.plans.listPlans()) {
      const plan = await s.plans.getPlan(listed.id)
      for (const theme of plan.themes)
        for (const action of theme.actions) {
          const where = `${plan.title} › ${theme.title}`
          actions.push({
            id: action.id,
            text: `${where} › ${short(`${action.number ?? ''} ${action.text}`.trim())}`,
          })
          for (const d of action.deliverables)
            deliverables.push({ id: d.id, text: `${where} › ${short(d.outcome)}` })
        }
    }
    return { actions, deliverables }
  }

  return {
    linkResolution,
    createDeliverable,
    resolutionLinksOfMeeting,
    linkActionToDeliverable,
    deliverablesOfActions,
    actionsArisingOwnedBy,
    planChoices,
  }
}
