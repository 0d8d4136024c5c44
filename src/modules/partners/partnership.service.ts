import type { Db, Executor } from '../../db/database.ts'
import { ConflictError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import { type Partnership, toPartnership } from './records.ts'
import * as repo from './repository.ts'
import { partnershipInput } from './schema.ts'

const STALE =
  'Someone else changed the partnership’s settings after you opened them. Check their changes, then make yours again.'

/** The partnership's own name and area: one record, written at setup and changed by administrators. */
export function createPartnershipSettings(db: Db, audit: AuditService) {
  /** Saves the name and area inside the caller's transaction, creating the record the first time. */
  async function savePartnershipWithin(exec: Executor, actor: Actor, input: unknown): Promise<Partnership> {
    const v = parseInput(partnershipInput, input)
    const values = { name: v.name, area_code: v.areaCode, area_name: v.areaName }
    const now = new Date().toISOString()
    const before = await repo.findPartnership(exec)
    if (before && v.version !== undefined && v.version !== before.version)
      throw new ConflictError(STALE, toPartnership(before))
    if (!before) await repo.insertPartnership(exec, values, now)
    else if (!(await repo.updatePartnership(exec, before.version, values, now)))
      throw new ConflictError(STALE, toPartnership(before))
    await audit.record(exec, actor, {
      action: before ? 'partnership.update' : 'partnership.create',
      entityType: 'partnership',
      entityId: 1,
      before: before
        ? { name: before.name, area_code: before.area_code, area_name: before.area_name }
        : undefined,
      after: values,
    })
    const saved = await repo.findPartnership(exec)
    if (!saved) throw new Error('The partnership record was not saved')
    return toPartnership(saved)
  }

  return {
    /** The partnership, or null before it is set up. */
    getPartnership: async (): Promise<Partnership | null> => {
      const row = await repo.findPartnership(db)
      return row ? toPartnership(row) : null
    },
    savePartnership: (actor: Actor, input: unknown) =>
      db.transaction().execute((trx) => savePartnershipWithin(trx, actor, input)),
    savePartnershipWithin,
  }
}
