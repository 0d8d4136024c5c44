import { NotFoundError } from '../../../shared/errors.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { Who } from '../policy.ts'
import type { CaseSummary, Signpost } from '../referrals/case.ts'
import { caseReader } from '../referrals/case-reader.ts'
import * as repo from '../referrals/referrals.repository.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import { searchInput } from '../referrals/schema.ts'
import type { Subject } from './subject.ts'
import type { SubjectsStore } from './subjects.store.ts'

export interface SearchResult {
  /** Cases the searcher may read, with what they hold. */
  cases: CaseSummary[]
  /** Everything else found: that a record exists, on which panel, and its chair to ask. Never content. */
  signposts: Signpost[]
}

/**
 * Search and signpost (ADR 0027): a name and date of birth found by blind index; the cases the
 * searcher may read are shown, and for every other one only the panel and whom to ask.
 */
export function createSearchService(
  ctx: CasesContext,
  subjects: SubjectsStore,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
) {
  const { db, audit } = ctx
  const reader = caseReader(ctx, subjects)

  async function sortOut(
    who: Who,
    rows: Awaited<ReturnType<typeof repo.referralsOfSubjects>>,
  ): Promise<SearchResult> {
    const readable: number[] = []
    const signposts = new Map<number, Signpost>()
    for (const id of [...new Set(rows.map((r) => r.referral_id))]) {
      const { granted } = await referrals.caseAccessOf(who, id)
      if (granted) readable.push(id)
      else {
        const r = rows.find((x) => x.referral_id === id) as (typeof rows)[number]
        const sign = signposts.get(r.panel_id) ?? {
          panelId: r.panel_id,
          panelName: r.panel_name,
          chairName: r.chair_name,
          chairEmail: r.chair_email,
          caseIds: [],
        }
        sign.caseIds.push(id)
        signposts.set(r.panel_id, sign)
      }
    }
    const found = await Promise.all(readable.map((id) => repo.findReferral(db, id)))
    return {
      cases: await reader.summaries(found.filter((r) => r !== undefined)),
      signposts: [...signposts.values()],
    }
  }

  async function search(who: Who, input: unknown): Promise<SearchResult> {
    const v = parseInput(searchInput, input)
    const person = { forename: v.forename ?? '', surname: v.surname, dateOfBirth: v.dateOfBirth }
    const candidates = await subjects.candidates(person)
    // With a forename, only the full-name match counts; without one, surname and date of birth.
    const ids = candidates.filter((c) => !v.forename || c.matchedOn === 'name-dob').map((c) => c.subjectId)
    const result = await sortOut(who, await repo.referralsOfSubjects(db, ids))
    const index = subjects.indexes(person)
    // The terms are logged as their blind index, never the name typed (ADR 0027).
    await audit.log(who.actor, {
      action: 'case.search',
      entityType: 'case-subject',
      detail: {
        path: who.via ?? null,
        searched: v.forename ? index.name_dob_index : index.surname_dob_index,
        on: v.forename ? 'name-dob' : 'surname-dob',
        readable: result.cases.map((c) => c.id),
        signposted: result.signposts.flatMap((s) => s.caseIds),
      },
    })
    return result
  }

  /** A subject's page: theirs to read who may read at least one of the subject's cases. */
  async function getSubject(who: Who, id: number): Promise<{ subject: Subject } & SearchResult> {
    if (!(await subjects.exists(id))) throw new NotFoundError('Subject')
    const result = await sortOut(who, await repo.referralsOfSubjects(db, [id]))
    if (result.cases.length === 0) {
      await audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'case-subject',
        entityId: id,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Subject')
    }
    const subject = await subjects.read(id)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-subject',
      entityId: id,
      detail: { path: who.via ?? null, through: result.cases.map((c) => c.id) },
    })
    return { subject, ...result }
  }

  return { search, getSubject }
}
