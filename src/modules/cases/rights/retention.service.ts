import { NotFoundError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import { CASE_PARTS } from './parts.ts'
import { type RetentionEntry, retentionDue } from './retention.ts'
import * as repo from './rights.repository.ts'
import { retentionPanels } from './rights-policy.ts'

/**
 * Retention (ADR 0031): closed cases past their panel's retention period, listed with no content,
 * and deleted one at a time by someone who may review them. Deletion leaves only the audit trail.
 */
export function createRetentionService({ db, audit, now }: CasesContext, panels: PanelsService) {
  async function due(who: Who): Promise<RetentionEntry[]> {
    const allowed = retentionPanels(who, await panels.listPanels())
    const today = londonToday(now())
    return (
      await repo.closedCases(
        db,
        allowed.map((p) => p.id),
      )
    )
      .map((r) => ({
        caseId: r.id,
        panelId: r.panel_id,
        panelName: r.panel_name,
        closedOn: r.closed_on as string,
        dueOn: retentionDue(r.closed_on as string, r.retention_years),
      }))
      .filter((e) => e.dueOn <= today)
  }

  async function retentionDueList(who: Who): Promise<RetentionEntry[]> {
    const list = await due(who)
    await audit.log(who.actor, {
      action: 'case.retention-review',
      entityType: 'cases',
      detail: { path: who.via ?? null, cases: list.map((e) => e.caseId) },
    })
    return list
  }

  /** One case due for deletion, for the confirmation: not found when it is not due or not the reader's to review. */
  async function retentionEntry(who: Who, caseId: number): Promise<RetentionEntry> {
    const entry = (await due(who)).find((e) => e.caseId === caseId)
    if (!entry) throw new NotFoundError('Case due for deletion')
    return entry
  }

  /**
   * Deletes the case's rows, each part's rows of it, and every subject no case names any more
   * (with the subjects merged into them). The audit entry says what went and by whom: no personal data.
   */
  async function deleteUnderRetention(who: Who, caseId: number): Promise<{ subjectsDeleted: number }> {
    const entry = await retentionEntry(who, caseId)
    return db.transaction().execute(async (trx) => {
      const linked = [...new Set((await repo.linksOfCase(trx, caseId)).map((l) => l.subject_id))]
      for (const part of CASE_PARTS) await part.deleteCase?.(trx, caseId)
      await repo.deleteCaseRows(trx, caseId)
      const orphans: number[] = []
      for (const subjectId of linked) {
        const group = [subjectId, ...(await repo.mergedInto(trx, subjectId))]
        if ((await repo.linksOfSubjects(trx, group)).length === 0) orphans.push(...group)
      }
      for (const part of CASE_PARTS) await part.deleteSubjects?.(trx, orphans)
      await repo.deleteSubjects(trx, orphans)
      await audit.record(trx, who.actor, {
        action: 'case.retention-delete',
        entityType: 'case',
        entityId: caseId,
        detail: {
          message: `case ${caseId} deleted under retention by ${who.actor.label}`,
          panel_id: entry.panelId,
          closed_on: entry.closedOn,
          due_on: entry.dueOn,
          subjects_deleted: orphans.length,
        },
      })
      return { subjectsDeleted: orphans.length }
    })
  }

  return { retentionDue: retentionDueList, retentionEntry, deleteUnderRetention }
}
