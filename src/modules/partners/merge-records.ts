import type { Db, Executor } from '../../db/database.ts'
import type { Actor } from '../audit/service.ts'
import * as repo from './repository.ts'

// The partners' side of merging two people or two organisations: the merged-away record stays,
// pointing at the survivor. The merges module moves other modules' references and audits the whole.

export type PartnerKind = 'person' | 'organisation'
const TABLE = { person: 'people', organisation: 'organisations' } as const

export interface MergedRecord {
  id: number
  name: string
  mergedAt: string | null
  mergedBy: string | null
}

export function createMergeRecords(db: Db) {
  return {
    /** The record a merged-away id now means, or null when it was never merged. */
    survivorOf: (kind: PartnerKind, id: number) => repo.survivorOf(db, TABLE[kind], id),

    /** Records merged into this one, oldest first: shown on the survivor's page. */
    async mergedInto(kind: PartnerKind, id: number): Promise<MergedRecord[]> {
      return (await repo.mergedInto(db, TABLE[kind], id)).map((r) => ({
        id: r.id,
        name: r.name,
        mergedAt: r.merged_at,
        mergedBy: r.merged_by,
      }))
    },

    countPeopleIn: (organisationId: number) => repo.countPeopleIn(db, organisationId),

    /**
     * Inside the merge's transaction: fills the surviving person's blank details from the
     * duplicate's, or moves an organisation's people to the survivor, then marks the duplicate
     * merged. Returns what it changed, for the audit entry.
     */
    async mergeRecord(
      trx: Executor,
      actor: Actor,
      kind: PartnerKind,
      from: number,
      into: number,
      now: string,
    ) {
      let moved: Record<string, unknown>
      if (kind === 'person') {
        const duplicate = await repo.findPerson(trx, from)
        if (!duplicate) throw new Error(`Person ${from} vanished during the merge`)
        moved = { filled: await repo.fillPersonBlanks(trx, into, duplicate, now) }
      } else {
        moved = { people: await repo.movePeopleBetweenOrganisations(trx, from, into, now) }
      }
      await repo.markMerged(trx, TABLE[kind], from, into, now, actor.label)
      return moved
    },
  }
}
