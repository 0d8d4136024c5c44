import type { Db } from '../../db/database.ts'
import { ValidationError } from '../../shared/errors.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { UserMergeReferences } from '../auth/module.ts'
import type { PartnersService } from '../partners/service.ts'
import type { PlanMergeReferences } from '../plans/merge-references.ts'

// Merging two records of one person or one organisation that a spreadsheet spelt two ways. Every
// reference moves to the survivor in one transaction with one audit entry; the duplicate stays,
// marked merged, so its old id still leads to the survivor (ADR 0016).

export type MergeKind = 'person' | 'organisation'

export interface MergeMove {
  /** What moves, in the partnership's words: "Deliverables naming them as lead". */
  what: string
  count: number
}

export interface MergePreview {
  kind: MergeKind
  from: { id: number; name: string }
  into: { id: number; name: string }
  moves: MergeMove[]
  /** Why this merge cannot be made as it stands; null when it can. */
  refusal: string | null
}

export function createMergeService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  accounts: UserMergeReferences,
  plans: PlanMergeReferences,
) {
  async function recordOf(kind: MergeKind, id: number) {
    if (kind === 'person') {
      const p = await partners.getPerson(id)
      return {
        id: p.id,
        name: p.name,
        shortName: null as string | null,
        organisationId: p.organisationId,
        email: p.email,
        jobTitle: p.jobTitle,
      }
    }
    const o = await partners.getOrganisation(id)
    return {
      id: o.id,
      name: o.name,
      shortName: o.shortName as string | null,
      organisationId: null,
      email: null,
      jobTitle: null,
    }
  }

  /** The two records, checked: both exist, differ and are in use. */
  async function pair(kind: MergeKind, fromId: number, intoId: number) {
    const label = kind === 'person' ? 'person' : 'organisation'
    if (fromId === intoId)
      throw new ValidationError({
        into: `Choose a different ${label} to keep: a record cannot be merged into itself`,
      })
    const [from, into] = await Promise.all([recordOf(kind, fromId), recordOf(kind, intoId)])
    for (const r of [from, into]) {
      const survivor = await partners.survivorOf(kind, r.id)
      if (survivor !== null)
        throw new ValidationError({
          into: `${r.name} was already merged into another ${label}; merge into that one instead`,
        })
    }
    return { from, into }
  }

  async function preview(kind: MergeKind, fromId: number, intoId: number): Promise<MergePreview> {
    const { from, into } = await pair(kind, fromId, intoId)
    let moves: MergeMove[]
    let refusal: string | null = null
    if (kind === 'person') {
      const refs = await plans.countPersonReferences(from.id)
      const linked = await accounts.accountsOf(undefined, from.id, into.id)
      moves = [
        { what: 'Deliverables naming them as a lead', count: refs.leads },
        { what: 'Places in a plan’s or strategy’s leadership', count: refs.leadership },
        { what: 'User account linked to them', count: linked.from ? 1 : 0 },
      ]
      if (linked.from && linked.into) {
        refusal = `Both have a user account (${linked.from.email} and ${linked.into.email}), and one person has at most one. Unlink or disable one of the accounts first, then merge.`
      }
    } else {
      const names = organisationNames(from)
      const refs = await plans.countOrganisationNames(names)
      moves = [
        { what: 'People in the organisation', count: await partners.countPeopleIn(from.id) },
        { what: 'User accounts in the organisation', count: await accounts.countUsersIn(from.id) },
        {
          what: `Deliverables naming it as lead organisation (as ${names.map((n) => `“${n}”`).join(' or ')})`,
          count: refs.leadOrganisations,
        },
        { what: 'Places in a plan’s or strategy’s leadership', count: refs.leadership },
      ]
    }
    return {
      kind,
      from: { id: from.id, name: from.name },
      into: { id: into.id, name: into.name },
      moves,
      refusal,
    }
  }

  const organisationNames = (o: { name: string; shortName: string | null }) => [
    ...new Set([o.shortName, o.name].filter((n): n is string => !!n)),
  ]

  /** Merges `fromId` into `intoId`: every reference moves, the duplicate is marked merged, one audit entry. */
  async function merge(actor: Actor, kind: MergeKind, fromId: number, intoId: number): Promise<MergePreview> {
    const shown = await preview(kind, fromId, intoId)
    if (shown.refusal) throw new ValidationError({ into: shown.refusal })
    const { from, into } = await pair(kind, fromId, intoId)
    return db.transaction().execute(async (trx) => {
      const now = new Date().toISOString()
      let moved: Record<string, unknown>
      if (kind === 'person') {
        // Checked again inside the transaction: an account may have been linked since the preview.
        const linked = await accounts.accountsOf(trx, from.id, into.id)
        if (linked.from && linked.into)
          throw new ValidationError({ into: shown.refusal ?? 'Both people have a user account' })
        moved = {
          ...(await plans.movePerson(trx, from.id, into.id, now)),
          accounts: await accounts.movePersonLink(trx, from.id, into.id),
        }
      } else {
        moved = {
          ...(await plans.renameOrganisation(trx, organisationNames(from), into.shortName ?? into.name, now)),
          accounts: await accounts.moveOrganisation(trx, from.id, into.id),
        }
      }
      Object.assign(moved, await partners.mergeRecord(trx, actor, kind, from.id, into.id, now))
      await audit.record(trx, actor, {
        action: `${kind}.merge`,
        entityType: kind,
        entityId: into.id,
        before: { id: from.id, name: from.name },
        after: { id: into.id, name: into.name },
        detail: { mergedId: from.id, moved },
      })
      return shown
    })
  }

  return { preview, merge }
}

export type MergeService = ReturnType<typeof createMergeService>
