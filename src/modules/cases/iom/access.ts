import { NotFoundError } from '../../../shared/errors.ts'
import * as glassRepo from '../access/break-glass.repository.ts'
import type { CasesContext } from '../context.ts'
import type { Panel } from '../panels/panel.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { type CaseAccess, caseAccess, isPanelMember, requireMayChangeCase, type Who } from '../policy.ts'
import * as repo from './iom.repository.ts'

// Need to know for IOM (docs/adr/0035), through policy.ts as for every case: the cohort board, the
// candidates and every change are for the IOM panel's members; a subject's IOM page is also open to
// someone with an unexpired break glass on one of that subject's cases on the panel, to read only.
// A refusal is logged and answers "not found", as a refused case does.

export function iomAccess(ctx: CasesContext, panels: Pick<PanelsService, 'getPanel'>) {
  const { db, audit, now } = ctx

  async function refuse(who: Who, entityType: string, entityId: number): Promise<never> {
    await audit.log(who.actor, {
      action: 'case.refused',
      entityType,
      entityId,
      detail: { path: who.via ?? null },
    })
    throw new NotFoundError('IOM panel')
  }

  /** The panel, if it is an IOM panel; any other panel is "not found" here. */
  async function iomPanel(panelId: number): Promise<Panel> {
    const panel = await panels.getPanel(panelId)
    if (panel.type !== 'iom') throw new NotFoundError('IOM panel')
    return panel
  }

  /** The panel's lists (board, candidates): members only; break glass opens one case, never a list. */
  async function requireMember(who: Who, panelId: number): Promise<Panel> {
    const panel = await iomPanel(panelId)
    if (!caseAccess(who.user, panel, [], now())) return refuse(who, 'iom-panel', panelId)
    return panel
  }

  /** The subject's live or past cases on the panel (declined referrals never put a person on it). */
  async function casesOfSubject(panelId: number, subjectId: number): Promise<number[]> {
    const rows = await repo.subjectsOnPanel(db, panelId, { withClosed: true })
    return rows.filter((r) => r.subject_id === subjectId).map((r) => r.referral_id)
  }

  /** Reading a subject's IOM record: a member, or a break glass on one of their cases on this panel. */
  async function requireSubjectRead(
    who: Who,
    panelId: number,
    subjectId: number,
  ): Promise<{ panel: Panel; access: CaseAccess }> {
    const panel = await iomPanel(panelId)
    const caseIds = await casesOfSubject(panelId, subjectId)
    if (caseIds.length) {
      if (isPanelMember(who.user, panel)) {
        const access = caseAccess(who.user, panel, [], now())
        if (access) return { panel, access }
      }
      for (const id of caseIds) {
        const glasses = (await glassRepo.glassesOfReferral(db, id)).map((g) => ({
          id: g.id,
          userId: g.user_id,
          expiresAt: g.expires_at,
        }))
        const access = caseAccess(who.user, panel, glasses, now())
        if (access) return { panel, access }
      }
    }
    return refuse(who, 'iom-subject', subjectId)
  }

  /** Changing a subject's IOM record: the panel's members, for a subject on the panel. */
  async function requireSubjectChange(who: Who, panelId: number, subjectId: number): Promise<Panel> {
    const panel = await iomPanel(panelId)
    try {
      requireMayChangeCase(who, panel)
    } catch {
      return refuse(who, 'iom-subject', subjectId)
    }
    if (!(await casesOfSubject(panelId, subjectId)).length) return refuse(who, 'iom-subject', subjectId)
    return panel
  }

  return { iomPanel, requireMember, requireSubjectRead, requireSubjectChange }
}

export type IomAccess = ReturnType<typeof iomAccess>
