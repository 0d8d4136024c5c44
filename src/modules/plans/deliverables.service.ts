import type { Db } from '../../db/database.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { CurrentUser } from '../../access/current-user.ts'
import { can } from '../../access/permissions.ts'
import type { PartnersService } from '../partners/service.ts'
import { flagsFor, londonToday } from './flags.ts'
import * as repo from './deliverables.repository.ts'
import { touchPlan } from './plans.repository.ts'
import type { Rag } from './rag.ts'
import { deliverableChangesInput, progressUpdateInput } from './schema.ts'

const STALE = 'Someone else changed this deliverable after you opened it. Check their changes, then make yours again.'

/** One deliverable: its page, its progress updates, and who may change it. */
export function createDeliverablesService(db: Db, audit: AuditService, partners: PartnersService, options: { staleDays: number }) {
  async function get(id: number, today = londonToday()) {
    const row = await repo.findDeliverable(db, id)
    if (!row) throw new NotFoundError('Deliverable')
    const [leads, organisations, updates] = await Promise.all([
      repo.leadsOfDeliverable(db, id),
      repo.leadOrganisationsOfDeliverable(db, id),
      repo.updatesOf(db, id),
    ])
    const latestUpdateOn = updates[0]?.update_on ?? null
    return {
      ...row,
      rag: row.rag as Rag,
      leads,
      leadOrganisations: organisations.map((o) => o.name),
      updates,
      flags: flagsFor({ start: row.start_on, end: row.end_on, rag: row.rag as Rag, latestUpdateOn, createdAt: row.created_at }, today, options.staleDays),
    }
  }

  /** Partnership managers may change any deliverable; a lead only those they lead. */
  async function mayUpdate(user: CurrentUser, deliverableId: number): Promise<boolean> {
    if (can(user.role, 'plans:manage')) return true
    if (!can(user.role, 'plans:update-own')) return false
    const personId = await partners.personForUser(user)
    if (personId === undefined) return false
    return (await repo.deliverableIdsLedBy(db, personId)).includes(deliverableId)
  }

  async function requireMayUpdate(user: CurrentUser, id: number) {
    if (!(await mayUpdate(user, id))) {
      throw new ValidationError({ form: 'Only this deliverable’s named lead or a partnership manager can update it' })
    }
  }

  async function addUpdate(actor: Actor, user: CurrentUser, id: number, input: unknown) {
    const v = parseInput(progressUpdateInput, input)
    if (v.updateOn > londonToday()) throw new ValidationError({ updateOn: 'The date of the update must be today or in the past' })
    await requireMayUpdate(user, id)
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
    const v = parseInput(deliverableChangesInput, input)
    await requireMayUpdate(user, id)
    await db.transaction().execute(async (trx) => {
      const before = await repo.findDeliverable(trx, id)
      if (!before) throw new NotFoundError('Deliverable')
      const changes = {
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
      if (!(await repo.updateDeliverable(trx, id, v.version, changes, now))) throw new ConflictError(STALE, before)
      await touchPlan(trx, before.plan_id, now)
      const { outcome, start_on, end_on, supporting_organisations, progress, comment, document_references, rag } = before
      await audit.record(trx, actor, {
        action: 'deliverable.update',
        entityType: 'deliverable',
        entityId: id,
        before: { outcome, start_on, end_on, supporting_organisations, progress, comment, document_references, rag },
        after: changes,
      })
    })
  }

  async function ledBy(user: CurrentUser, today = londonToday()) {
    const personId = await partners.personForUser(user)
    if (personId === undefined) return []
    const rows = await repo.deliverablesLedBy(db, personId)
    return rows.map((r) => ({
      ...r,
      rag: r.rag as Rag,
      flags: flagsFor(
        { start: r.start_on, end: r.end_on, rag: r.rag as Rag, latestUpdateOn: r.latest_update_on ?? null, createdAt: r.created_at },
        today,
        options.staleDays,
      ),
    }))
  }

  return { get, mayUpdate, addUpdate, edit, ledBy }
}

export type DeliverablesService = ReturnType<typeof createDeliverablesService>
