import type { CurrentUser } from '../../access/current-user.ts'
import type { Db, Executor } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { londonToday } from '../../shared/london-day.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { type LeadAttention, leadAttention } from './attention.ts'
import {
  type Deliverable,
  type LedDeliverable,
  placeOf,
  toDeliverable,
  toProgressUpdate,
  toStoredDeliverable,
} from './deliverable.ts'
import * as repo from './deliverables.repository.ts'
import { resolveLeads } from './leads.ts'
import { touchPlan } from './plans.repository.ts'
import { requireMayChangePlan, requireMayUpdateDeliverable } from './policy.ts'
import { deliverableChangesInput, progressUpdateInput } from './schema.ts'
import * as structureRepo from './structure.repository.ts'

const STALE =
  'Someone else changed this deliverable after you opened it. Check their changes, then make yours again.'

/** One deliverable: its page, its progress updates, and changes to it by those the policy allows. */
export function createDeliverablesService(
  db: Db,
  audit: AuditService,
  options: { staleDays: number },
  partners: Pick<PartnersService, 'getPerson'>,
) {
  async function load(exec: Executor, id: number, today: string): Promise<Deliverable> {
    const row = await repo.findDeliverable(exec, id)
    if (!row) throw new NotFoundError('Deliverable')
    const [leads, organisations, updates] = await Promise.all([
      repo.leadsOfDeliverable(exec, id),
      repo.leadOrganisationsOfDeliverable(exec, id),
      repo.updatesOf(exec, id),
    ])
    return {
      ...toDeliverable(row, today, options.staleDays),
      ...placeOf(row),
      leads: leads.map((l) => ({ name: l.name_as_written, personId: l.person_id })),
      leadOrganisations: organisations.map((o) => o.name),
      updates: updates.map(toProgressUpdate),
      actionId: row.action_id,
      archived: row.archived_at
        ? { at: row.archived_at, reason: row.archived_reason ?? '', by: row.archived_by ?? '' }
        : null,
    }
  }

  const get = (id: number, today = londonToday()) => load(db, id, today)

  /** The deliverable, for someone about to change it: refused (403) unless the policy lets them. */
  async function getForUpdate(user: CurrentUser, id: number, today = londonToday()) {
    const deliverable = await get(id, today)
    requireMayUpdateDeliverable(user, deliverable)
    return deliverable
  }

  /** A removed deliverable is no one's work until it is restored: its page shows it, nothing changes it. */
  function refuseArchived(d: Deliverable) {
    if (d.archived)
      throw new ValidationError({
        form: 'This deliverable has been removed from the plan. Restore it from the plan’s archived list before changing it.',
      })
    return d
  }

  async function addUpdate(actor: Actor, user: CurrentUser, id: number, input: unknown) {
    // Who may comes before what they sent: someone else's lead hears plainly it is not theirs.
    refuseArchived(await getForUpdate(user, id))
    const v = parseInput(progressUpdateInput, input)
    if (v.updateOn > londonToday())
      throw new ValidationError({ updateOn: 'The date of the update must be today or in the past' })
    return db.transaction().execute(async (trx) => {
      const before = await repo.findDeliverable(trx, id)
      if (!before) throw new NotFoundError('Deliverable')
      const now = new Date().toISOString()
      const updateId = await repo.insertUpdate(trx, {
        deliverable_id: id,
        update_on: v.updateOn,
        author_user_id: user.id,
        author_name: user.name,
        text: v.text,
        rag: v.rag,
        created_at: now,
      })
      // The RAG the lead gives with their latest update is the deliverable's RAG.
      const latest = (await repo.updatesOf(trx, id))[0]
      if (latest?.id === updateId) await repo.updateDeliverable(trx, id, before.version, { rag: v.rag }, now)
      await touchPlan(trx, before.plan_id, now)
      await audit.record(trx, actor, {
        action: 'deliverable.update-progress',
        entityType: 'deliverable',
        entityId: id,
        before: { rag: before.rag },
        after: { rag: v.rag, updateOn: v.updateOn, text: v.text },
      })
      return updateId
    })
  }

  async function edit(actor: Actor, user: CurrentUser, id: number, input: unknown) {
    const current = refuseArchived(await getForUpdate(user, id))
    const v = parseInput(deliverableChangesInput, input)
    // Who leads it, which organisations, and where it sits are the plan's shape: a manager's to change.
    const reshapes =
      v.leadPersonIds !== undefined ||
      v.leadOrganisations !== undefined ||
      (v.actionId !== undefined && v.actionId !== current.actionId)
    if (reshapes) requireMayChangePlan(user)
    const leads =
      v.leadPersonIds === undefined ? undefined : await resolveLeads(partners, v.leadPersonIds, current.leads)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findDeliverable(trx, id)
      if (!before) throw new NotFoundError('Deliverable')
      const place = await movedTo(trx, before, v.actionId)
      const changes = {
        ...place,
        outcome: v.outcome,
        start_on: v.start,
        end_on: v.end,
        supporting_organisations: v.supportingOrganisations ?? '',
        progress: v.progress ?? '',
        comment: v.comment ?? '',
        document_references: v.documentReferences ?? '',
        rag: v.rag,
      }
      const now = new Date().toISOString()
      // A stale save answers with the deliverable as stored now.
      if (!(await repo.updateDeliverable(trx, id, v.version, changes, now)))
        throw new ConflictError(STALE, toStoredDeliverable(before, londonToday(), options.staleDays))
      if (leads) await structureRepo.replaceLeads(trx, id, leads)
      if (v.leadOrganisations) await structureRepo.replaceLeadOrganisations(trx, id, v.leadOrganisations)
      await touchPlan(trx, before.plan_id, now)
      const {
        outcome,
        start_on,
        end_on,
        supporting_organisations,
        progress,
        comment,
        document_references,
        rag,
        action_id,
      } = before
      await audit.record(trx, actor, {
        action: 'deliverable.update',
        entityType: 'deliverable',
        entityId: id,
        before: {
          outcome,
          start_on,
          end_on,
          supporting_organisations,
          progress,
          comment,
          document_references,
          rag,
          ...(place.action_id !== undefined ? { action_id } : {}),
          ...(leads ? { leads: current.leads } : {}),
          ...(v.leadOrganisations ? { lead_organisations: current.leadOrganisations } : {}),
        },
        after: {
          ...changes,
          ...(leads ? { leads } : {}),
          ...(v.leadOrganisations ? { lead_organisations: v.leadOrganisations } : {}),
        },
      })
    })
  }

  /** Where a move puts the deliverable: the end of another live action of the same plan. */
  async function movedTo(
    trx: Executor,
    before: { action_id: number; plan_id: number },
    actionId: number | undefined,
  ) {
    if (actionId === undefined || actionId === before.action_id) return {}
    const target = await structureRepo.findAction(trx, actionId)
    if (!target || target.plan_id !== before.plan_id || target.archived_at || target.theme_archived_at) {
      throw new ValidationError({ actionId: 'Select an action of this plan from the list' })
    }
    return {
      action_id: actionId,
      position: await structureRepo.nextPosition(trx, 'deliverables', { column: 'action_id', id: actionId }),
    }
  }

  /** The deliverables that name, as a lead, the person the user's account is linked to. */
  async function ledBy(user: CurrentUser, today = londonToday()): Promise<LedDeliverable[]> {
    if (user.personId === null) return []
    const rows = await repo.deliverablesLedBy(db, user.personId)
    return rows.map((r) => ({ ...toDeliverable(r, today, options.staleDays), ...placeOf(r) }))
  }

  /**
   * The deliverables the user leads that need them, grouped overdue, red, then due for an update,
   * each once: what the home page and the weekly reminder both show a lead.
   */
  async function needingAttention(user: CurrentUser, today = londonToday()): Promise<LeadAttention> {
    return leadAttention(await ledBy(user, today))
  }

  return { get, getForUpdate, addUpdate, edit, ledBy, needingAttention }
}

export type DeliverablesService = ReturnType<typeof createDeliverablesService>
