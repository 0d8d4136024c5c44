import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import type { Subject } from '../subjects/subject.ts'
import * as subjectsRepo from '../subjects/subjects.repository.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import * as repo from './rights.repository.ts'
import { mayChangeSubject } from './rights-policy.ts'
import { mergeInput, subjectChanges } from './schema.ts'
import { scopeOf } from './subject-access.service.ts'

const MERGE_REASON = 'subject-merge.reason'
const FIELDS = [
  'forename',
  'surname',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'disability',
  'sexuality',
  'aliases',
  'addresses',
] as const

export interface SubjectMerge {
  id: number
  keptSubjectId: number
  mergedSubjectId: number
  mergedName: string
  reason: string
  mergedAt: string
  undoneAt: string | null
}

/**
 * Changes to a subject by the members of the panels holding their cases: a rectification (a normal
 * audited edit, recorded as which fields changed, never their values) and merges, which are always
 * confirmed by a person, recorded, and undone exactly (ADR 0031).
 */
export function createSubjectChangesService(
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
) {
  const { db, audit, cipher, now } = ctx

  /** The subject for someone who may change it; otherwise "not found", and the refusal logged. */
  async function changeable(who: Who, id: number) {
    const row = await subjectsRepo.findSubject(db, id)
    const scope = row && row.merged_into_subject_id === null ? await scopeOf(ctx, panels, id) : null
    if (!row || !scope || !mayChangeSubject(who, scope.panels)) {
      if (row)
        await audit.log(who.actor, {
          action: 'case.refused',
          entityType: 'case-subject',
          entityId: id,
          detail: { path: who.via ?? null },
        })
      throw new NotFoundError('Subject')
    }
    return { row, scope }
  }

  async function subjectForEdit(who: Who, id: number): Promise<Subject & { version: number }> {
    const { row } = await changeable(who, id)
    const subject = await subjects.read(id)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-subject',
      entityId: id,
      detail: { path: who.via ?? null, for: 'edit' },
    })
    return { ...subject, version: row.version }
  }

  async function updateSubjectDetails(who: Who, id: number, input: unknown): Promise<void> {
    await changeable(who, id)
    const v = parseInput(subjectChanges, input)
    if (v.dateOfBirth > londonToday(now()))
      throw new ValidationError({ dateOfBirth: 'The date of birth must be in the past' })
    const before = await subjects.read(id)
    const after = { ...v }
    const changed = Object.fromEntries(
      FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map(
        (f) => [f, 'changed'],
      ),
    )
    if (Object.keys(changed).length === 0) return
    const at = now().toISOString()
    await db.transaction().execute(async (trx) => {
      const ok = await repo.updateSubject(
        trx,
        id,
        v.version,
        {
          identity_sealed: cipher.sealJson('subject.identity', {
            forename: v.forename,
            surname: v.surname,
            dateOfBirth: v.dateOfBirth,
          }),
          profile_sealed: cipher.sealJson('subject.profile', {
            gender: v.gender,
            ethnicity: v.ethnicity,
            disability: v.disability,
            sexuality: v.sexuality,
          }),
          ...subjects.indexes(v),
        },
        at,
      )
      if (!ok)
        throw new ConflictError(
          'Someone else changed this person’s details after you opened them. Reload, then try again.',
          null,
        )
      await repo.clearAliasesAndAddresses(trx, id)
      for (const alias of v.aliases)
        await subjectsRepo.insertAlias(
          trx,
          id,
          cipher.sealJson('subject.alias', alias),
          subjects.indexes({ ...alias, dateOfBirth: v.dateOfBirth }),
        )
      for (const [position, address] of v.addresses.entries())
        await subjectsRepo.insertAddress(trx, id, cipher.sealJson('subject.address', address), position)
      await audit.record(trx, who.actor, {
        action: 'case-subject.update',
        entityType: 'case-subject',
        entityId: id,
        detail: { path: who.via ?? null },
        before: { version: v.version },
        after: { version: v.version + 1, ...changed },
      })
    })
  }

  async function mergesOf(id: number): Promise<SubjectMerge[]> {
    const rows = await repo.mergesOf(db, id)
    return Promise.all(
      rows.map(async (m) => {
        const name = await subjects.nameOf(m.merged_subject_id)
        return {
          id: m.id,
          keptSubjectId: m.kept_subject_id,
          mergedSubjectId: m.merged_subject_id,
          mergedName: `${name.forename} ${name.surname}`,
          reason: cipher.open(MERGE_REASON, m.reason_sealed),
          mergedAt: m.merged_at,
          undoneAt: m.undone_at,
        }
      }),
    )
  }

  /** The merges into a subject, for the people who may change it. */
  async function subjectMerges(who: Who, id: number): Promise<{ name: string; merges: SubjectMerge[] }> {
    await changeable(who, id)
    const name = await subjects.nameOf(id)
    const merges = await mergesOf(id)
    await audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-subject',
      entityId: id,
      detail: { path: who.via ?? null, for: 'merges' },
    })
    return { name: `${name.forename} ${name.surname}`, merges }
  }

  /** Confirms that `otherSubjectId` is the same person as `keptId`: its cases move to the one kept. */
  async function mergeSubjects(who: Who, keptId: number, input: unknown): Promise<number> {
    await changeable(who, keptId)
    const v = parseInput(mergeInput, input)
    const other = Number(v.otherSubjectId)
    if (other === keptId)
      throw new ValidationError({ otherSubjectId: 'Enter the number of another record, not this one' })
    // The other record must be one the same person may change: members of both panels decide.
    await changeable(who, other).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ otherSubjectId: 'Enter the number of a record on a panel you sit on' })
      throw error
    })
    if ((await repo.mergedInto(db, other)).length)
      throw new ValidationError({
        otherSubjectId: 'Other records are merged into that one: undo those merges first',
      })
    const links = await repo.linksOfSubjects(db, [other])
    const keptCases = new Set((await repo.linksOfSubjects(db, [keptId])).map((l) => l.referral_id))
    const both = links.find((l) => keptCases.has(l.referral_id))
    if (both)
      throw new ValidationError({
        otherSubjectId: `Both are named on case ${both.referral_id}, so they are two people`,
      })
    const at = now().toISOString()
    return db.transaction().execute(async (trx) => {
      const moved = links.map((l) => l.id)
      await repo.moveLinks(trx, moved, other, keptId)
      await repo.setMergedInto(trx, other, keptId, at)
      const id = await repo.insertMerge(trx, {
        kept_subject_id: keptId,
        merged_subject_id: other,
        moved_link_ids: JSON.stringify(moved),
        reason_sealed: cipher.seal(MERGE_REASON, v.reason),
        merged_by_user_id: (who.user as { id: number }).id,
        merged_at: at,
      })
      await audit.record(trx, who.actor, {
        action: 'case-subject.merge',
        entityType: 'case-subject',
        entityId: keptId,
        detail: { path: who.via ?? null, merge: id, merged_subject_id: other, reason: 'written' },
        before: { links: links.map((l) => ({ id: l.id, case: l.referral_id, subject: other })) },
        after: { links: links.map((l) => ({ id: l.id, case: l.referral_id, subject: keptId })) },
      })
      return id
    })
  }

  /** Undoes a merge: the links it moved go back and the merged record stands on its own again. */
  async function unmergeSubjects(who: Who, mergeId: number, keptId?: number): Promise<void> {
    const merge = await repo.findMerge(db, mergeId)
    if (!merge || merge.undone_at || (keptId !== undefined && merge.kept_subject_id !== keptId))
      throw new NotFoundError('Merge')
    await changeable(who, merge.kept_subject_id)
    const moved = JSON.parse(merge.moved_link_ids) as number[]
    const at = now().toISOString()
    await db.transaction().execute(async (trx) => {
      await repo.moveLinks(trx, moved, merge.kept_subject_id, merge.merged_subject_id)
      await repo.setMergedInto(trx, merge.merged_subject_id, null, at)
      await repo.markMergeUndone(trx, mergeId, (who.user as { id: number }).id, at)
      await audit.record(trx, who.actor, {
        action: 'case-subject.unmerge',
        entityType: 'case-subject',
        entityId: merge.kept_subject_id,
        detail: { path: who.via ?? null, merge: mergeId, merged_subject_id: merge.merged_subject_id },
        before: { links: moved.map((id) => ({ id, subject: merge.kept_subject_id })) },
        after: { links: moved.map((id) => ({ id, subject: merge.merged_subject_id })) },
      })
    })
  }

  /** Whether the user may correct or merge this subject: for showing the links, opening nothing. */
  async function mayChangeSubjectDetails(who: Who, id: number): Promise<boolean> {
    const row = await subjectsRepo.findSubject(db, id)
    if (!row || row.merged_into_subject_id !== null) return false
    return mayChangeSubject(who, (await scopeOf(ctx, panels, id)).panels)
  }

  return {
    mayChangeSubjectDetails,
    subjectForEdit,
    updateSubjectDetails,
    subjectMerges,
    mergeSubjects,
    unmergeSubjects,
  }
}
