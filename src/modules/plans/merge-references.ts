import type { Db, Executor } from '../../db/database.ts'
import * as repo from './merge-references.repository.ts'
import { touchPlan } from './plans.repository.ts'

// The plans' side of merging two people or two organisations. Each move runs inside the merge's
// transaction and marks every plan it changed, so cached plan views and pages are rebuilt.

export function createPlanMergeReferences(db: Db) {
  return {
    countPersonReferences: (personId: number) => repo.countPersonReferences(db, personId),
    countOrganisationNames: (names: string[]) => repo.countOrganisationNames(db, names),

    async movePerson(trx: Executor, from: number, into: number, now: string) {
      const plans = await repo.plansNamingPerson(trx, from)
      const moved = await repo.movePersonReferences(trx, from, into)
      for (const planId of plans) await touchPlan(trx, planId, now)
      return moved
    },

    /** Lead organisations are written as text: every spelling of the duplicate becomes the survivor's. */
    async renameOrganisation(trx: Executor, names: string[], to: string, now: string) {
      const plans = await repo.plansNamingOrganisation(trx, names)
      const moved = await repo.renameOrganisation(trx, names, to)
      for (const planId of plans) await touchPlan(trx, planId, now)
      return moved
    },
  }
}

export type PlanMergeReferences = ReturnType<typeof createPlanMergeReferences>
