import type { Db, Executor } from '../../db/database.ts'
import * as repo from './repository.ts'

// The accounts' side of merging two people or two organisations. One person has at most one
// account, so two people who each have one cannot be merged until an administrator settles which
// account stays (ADR 0010).

export function createUserMergeReferences(db: Db) {
  return {
    /** The accounts linked to each of two people: a merge is refused when both have one. */
    async accountsOf(exec: Executor | undefined, from: number, into: number) {
      const on = exec ?? db
      return {
        from: (await repo.findUserOfPerson(on, from)) ?? null,
        into: (await repo.findUserOfPerson(on, into)) ?? null,
      }
    },
    countUsersIn: (organisationId: number) => repo.countUsersIn(db, organisationId),
    /** Inside the merge's transaction. */
    movePersonLink: (trx: Executor, from: number, into: number) => repo.movePersonLink(trx, from, into),
    /** Inside the merge's transaction. */
    moveOrganisation: (trx: Executor, from: number, into: number) =>
      repo.moveUsersOrganisation(trx, from, into),
  }
}
