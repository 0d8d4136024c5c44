import type { Db, Executor } from '../../db/database.ts'
import { ConflictError, NotFoundError } from '../../shared/errors.ts'
import { toPlanHeader } from './plan.ts'
import * as plansRepo from './plans.repository.ts'

const STALE =
  'Someone else changed this plan after you opened it. Check the plan as it is now, then make your change again.'

/**
 * Runs one change to a plan's shape in a transaction: refused (409, carrying the plan as stored)
 * if the plan has moved on since the version the person read. Marking the plan changed comes
 * first, so the plan's row is locked for the rest of the change and every cached view is dropped.
 */
export async function changePlanAt<T>(
  db: Db,
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
