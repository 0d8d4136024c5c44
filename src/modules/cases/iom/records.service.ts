import { ConflictError, ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { parseInput } from '../../../shared/validation.ts'
import type { CasesContext } from '../context.ts'
import type { Who } from '../policy.ts'
import { cohortEligibility, validateMembership, validatePathways } from '../rules/iom-cohorts.ts'
import { scoreIomOffending } from '../rules/iom-score.ts'
import type { IomAccess } from './access.ts'
import * as repo from './iom.repository.ts'
import { SEALED, toIomOffence } from './iom-record.ts'
import { decisionInput, deselectionInput, offenceInput, pathwayInput, selectionInput } from './schema.ts'
import type { IomSettings } from './settings.ts'

const STALE = 'Someone else changed this cohort record after you opened it. Reload it, then try again.'

// Every change to a subject's IOM record: the policy first (members of the IOM panel holding the
// subject), free text sealed going in, and an audit entry with the values before and after, sealed
// text recorded only as "written" or "changed" (ADR 0027).
export function iomRecordsService(
  { db, audit, cipher, now }: CasesContext,
  access: IomAccess,
  settingsOf: (panelId: number) => Promise<IomSettings>,
) {
  const today = () => londonToday(now())
  const notFuture = (field: string, on: string, what: string) => {
    if (on > today()) throw new ValidationError({ [field]: `The ${what} cannot be in the future` })
  }
  const offencesOf = async (panelId: number, subjectId: number) =>
    (await repo.offencesOf(db, panelId, [subjectId])).map(toIomOffence)

  async function recordOffence(who: Who, panelId: number, subjectId: number, input: unknown) {
    await access.requireSubjectChange(who, panelId, subjectId)
    const v = parseInput(offenceInput, input)
    const { matrix } = await settingsOf(panelId)
    if (!matrix.groups.some((g) => g.id === v.group))
      throw new ValidationError({ group: 'Select the offence group from the list' })
    notFuture('date', v.date, 'offence date')
    const values: repo.OffenceValues = {
      panel_id: panelId,
      subject_id: subjectId,
      offence_date: v.date,
      offence_group: v.group,
      home_office_code: v.homeOfficeCode,
      source_note_sealed: v.sourceNote ? cipher.seal(SEALED.source, v.sourceNote) : null,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertOffence(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'iom-offence.create',
        entityType: 'iom-offence',
        entityId: id,
        after: { ...values, source_note_sealed: values.source_note_sealed ? 'written' : null },
      })
      return id
    })
  }

  async function decideCandidate(who: Who, panelId: number, subjectId: number, input: unknown) {
    await access.requireSubjectChange(who, panelId, subjectId)
    const v = parseInput(decisionInput, input)
    const on = v.on ?? today()
    notFuture('on', on, 'decision date')
    const { matrix } = await settingsOf(panelId)
    const score = scoreIomOffending(await offencesOf(panelId, subjectId), on, matrix)
    const values: repo.DecisionValues = {
      panel_id: panelId,
      subject_id: subjectId,
      decision: v.decision,
      decided_on: on,
      score: Math.round(score.total),
      reason_sealed: cipher.seal(SEALED.decision, v.reason),
      decided_by_user_id: who.user?.id ?? null,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertDecision(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: `iom-candidate.${v.decision === 'accepted' ? 'accept' : 'reject'}`,
        entityType: 'iom-decision',
        entityId: id,
        after: { ...values, reason_sealed: 'written' },
      })
      return id
    })
  }

  async function selectIntoCohort(who: Who, panelId: number, subjectId: number, input: unknown) {
    await access.requireSubjectChange(who, panelId, subjectId)
    const v = parseInput(selectionInput, input)
    validateMembership(v)
    notFuture('selectedOn', v.selectedOn, 'selection date')
    const current = (await repo.membershipsOf(db, panelId)).find(
      (m) => m.subject_id === subjectId && m.deselected_on === null,
    )
    if (current)
      throw new ValidationError({ cohort: 'This person is on a cohort already: de-select them first' })
    const { matrix, eligibility } = await settingsOf(panelId)
    const found = cohortEligibility(
      v.cohort,
      await offencesOf(panelId, subjectId),
      v.selectedOn,
      eligibility,
      matrix,
    )
    if (!found.eligible) throw new ValidationError({ cohort: `Not eligible: ${found.reason}` })
    const values: repo.MembershipValues = {
      panel_id: panelId,
      subject_id: subjectId,
      cohort: v.cohort,
      selected_on: v.selectedOn,
      selection_reason_sealed: cipher.seal(SEALED.selection, v.selectionReason),
      eligibility: found.reason,
    }
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertMembership(trx, values, now().toISOString())
      await audit.record(trx, who.actor, {
        action: 'iom-cohort.select',
        entityType: 'iom-cohort',
        entityId: id,
        after: { ...values, selection_reason_sealed: 'written' },
      })
      return id
    })
  }

  /** De-selects the subject from their current cohort. */
  async function deselectFromCohort(who: Who, panelId: number, subjectId: number, input: unknown) {
    await access.requireSubjectChange(who, panelId, subjectId)
    const row = (await repo.membershipsOf(db, panelId)).find(
      (m) => m.subject_id === subjectId && m.deselected_on === null,
    )
    if (!row) throw new ValidationError({ deselectedOn: 'This person is not on a cohort' })
    const v = parseInput(deselectionInput, input)
    validateMembership({
      cohort: row.cohort as 'fixed',
      selectedOn: row.selected_on,
      selectionReason: 'recorded',
      deselectedOn: v.deselectedOn,
      deselectionReason: v.deselectionReason,
      deselectionNote: v.deselectionNote,
    })
    notFuture('deselectedOn', v.deselectedOn, 'de-selection date')
    const values = {
      deselected_on: v.deselectedOn,
      deselection_reason: v.deselectionReason,
      deselection_note_sealed: cipher.seal(SEALED.deselection, v.deselectionNote),
    }
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deselect(trx, row.id, v.version, values, now().toISOString())))
        throw new ConflictError(STALE, null)
      await audit.record(trx, who.actor, {
        action: 'iom-cohort.deselect',
        entityType: 'iom-cohort',
        entityId: row.id,
        before: { deselected_on: null, deselection_reason: null },
        after: { ...values, deselection_note_sealed: 'written' },
      })
    })
  }

  async function savePathway(who: Who, panelId: number, subjectId: number, input: unknown) {
    await access.requireSubjectChange(who, panelId, subjectId)
    const v = parseInput(pathwayInput, input)
    const need = { pathway: v.pathway, need: v.need, progress: v.progress, reviewedOn: v.reviewedOn }
    validatePathways([need])
    notFuture('reviewedOn', v.reviewedOn, 'review date')
    const existing = (await repo.pathwaysOf(db, panelId, [subjectId])).find((p) => p.pathway === v.pathway)
    const values: repo.PathwayValues = {
      need: v.need,
      progress: v.progress ?? null,
      reviewed_on: v.reviewedOn,
      note_sealed: v.note ? cipher.seal(SEALED.pathway, v.note) : null,
    }
    const oldNote = existing?.note_sealed ? cipher.open(SEALED.pathway, existing.note_sealed) : null
    await db.transaction().execute(async (trx) => {
      await repo.savePathway(
        trx,
        { panel_id: panelId, subject_id: subjectId, pathway: v.pathway },
        values,
        existing,
        now().toISOString(),
      )
      await audit.record(trx, who.actor, {
        action: existing ? 'iom-pathway.update' : 'iom-pathway.create',
        entityType: 'iom-pathway',
        entityId: existing?.id ?? null,
        before: existing && {
          subject_id: subjectId,
          pathway: existing.pathway,
          need: existing.need,
          progress: existing.progress,
          reviewed_on: existing.reviewed_on,
        },
        after: {
          subject_id: subjectId,
          pathway: v.pathway,
          need: values.need,
          progress: values.progress,
          reviewed_on: values.reviewed_on,
          // The note's text never enters the log: only whether it changed.
          note_sealed: (v.note ?? null) === oldNote ? 'unchanged' : 'changed',
        },
      })
    })
  }

  return { recordOffence, decideCandidate, selectIntoCohort, deselectFromCohort, savePathway }
}
