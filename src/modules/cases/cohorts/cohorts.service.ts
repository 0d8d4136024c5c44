import { can } from '../../../access/permissions.ts'
import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import { VIEWED } from '../../audit/service.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelMember, type Who } from '../policy.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { fullName } from '../subjects/subject.ts'
import * as repo from './cohorts.repository.ts'
import { pseudonymKey, pseudonyms } from './pseudonym.ts'

// A panel's cohort for another module (a tasking against it): the subjects of the panel's open
// cases. Names go only to the panel's members; anyone else (an administrator, the analyst, the
// command line) sees each person as a stable per-panel pseudonym. Every list is a read of case
// data, written to the audit log with whether it named anyone (ADR 0032).

export interface CohortMember {
  subjectId: number
  /** The name for a member of the panel; a pseudonym for anyone else; NO_LONGER_HELD once deleted. */
  label: string
  /** False once the person's cases were deleted under retention and they with them (ADR 0031). */
  held: boolean
}

/** What a tasking that kept a deleted person's id shows for them, to anyone: no name, no pseudonym. */
export const NO_LONGER_HELD = 'A person no longer held'

export interface Cohort {
  panelId: number
  panelName: string
  /** True when the labels are names. */
  named: boolean
  members: CohortMember[]
}

export function createCohortsService(ctx: CasesContext, panels: PanelsService, subjects: SubjectsStore) {
  const key = pseudonymKey(ctx.keys.current)

  const mayName = (who: Who, panel: Awaited<ReturnType<PanelsService['getPanel']>>) =>
    who.user !== null && can(who.user.role, 'cases:view') && isPanelMember(who.user, panel)

  async function labelled(who: Who, panelId: number, subjectIds: readonly number[]): Promise<Cohort> {
    const panel = await panels.getPanel(panelId)
    // Only someone ever on a case of this panel is named as its cohort, whatever ids are asked for.
    const onPanel = await repo.subjectsEverOnPanel(ctx.db, panelId, subjectIds)
    // Someone kept by id elsewhere may since have been deleted under retention: said so, not named.
    const held = await repo.subjectsHeld(ctx.db, subjectIds)
    const named = mayName(who, panel)
    const aliases = pseudonyms(key, panelId, subjectIds)
    const members: CohortMember[] = []
    for (const subjectId of subjectIds) {
      const label = !held.has(subjectId)
        ? NO_LONGER_HELD
        : named && onPanel.has(subjectId)
          ? fullName(await subjects.nameOf(subjectId))
          : (aliases.get(subjectId) as string)
      members.push({ subjectId, label, held: held.has(subjectId) })
    }
    await ctx.audit.log(who.actor, {
      action: VIEWED,
      entityType: 'case-cohort',
      entityId: panelId,
      detail: { path: who.via ?? null, named, subjects: [...subjectIds] },
    })
    return { panelId, panelName: panel.name, named, members }
  }

  /**
   * The panel's cohort now: the subjects of its open cases, named for a member, pseudonyms otherwise.
   * @example cases.cohort(who, 3) // { panelName: 'Knife crime panel', named: false, members: [{ subjectId: 9, label: 'Cohort member C-7F3A' }] }
   */
  async function cohort(who: Who, panelId: number): Promise<Cohort> {
    return labelled(who, panelId, await repo.openCaseSubjects(ctx.db, panelId))
  }

  /** Subjects kept by id elsewhere (a tasking's cohort), labelled for this viewer as `cohort` does. */
  async function cohortLabels(who: Who, panelId: number, subjectIds: readonly number[]): Promise<Cohort> {
    return labelled(who, panelId, subjectIds)
  }

  /**
   * Checks a cohort chosen for a tasking: the whole cohort (null) or some of it. Gives the subjects'
   * ids, never names.
   */
  async function checkCohort(
    panelId: number,
    chosen: readonly number[] | null,
  ): Promise<{ panelId: number; panelName: string; subjectIds: number[] }> {
    const panel = await panels.getPanel(panelId).catch((error) => {
      if (error instanceof NotFoundError)
        throw new ValidationError({ cohortPanelId: 'Select a risk panel from the list' })
      throw error
    })
    const open = await repo.openCaseSubjects(ctx.db, panelId)
    if (open.length === 0)
      throw new ValidationError({ cohortPanelId: `${panel.name} has no open cases, so no cohort` })
    if (chosen === null || chosen.length === 0) return { panelId, panelName: panel.name, subjectIds: open }
    const inCohort = new Set(open)
    if (!chosen.every((id) => inCohort.has(id)))
      throw new ValidationError({ cohortSubjectIds: 'Choose people from the panel’s cohort' })
    return { panelId, panelName: panel.name, subjectIds: [...new Set(chosen)] }
  }

  /** The panels a cohort may be drawn from, by name only. */
  async function cohortPanels(): Promise<Array<{ id: number; name: string }>> {
    return (await panels.listPanels()).map((p) => ({ id: p.id, name: p.name }))
  }

  return { cohort, cohortLabels, checkCohort, cohortPanels }
}
