import { NotFoundError, ValidationError } from '../../../shared/errors.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import { isPanelMember, type Who } from '../policy.ts'
import type { IomScore } from '../rules/iom-score.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { iomAccess } from './access.ts'
import { iomBoardService } from './board.service.ts'
import * as repo from './iom.repository.ts'
import { iomRecordsService } from './records.service.ts'
import { iomSettingsService } from './settings.ts'

/** Integrated Offender Management on the risk panels: spread into the cases service. */
export function createIomService(ctx: CasesContext, panels: PanelsService, subjects: SubjectsStore) {
  const access = iomAccess(ctx, panels)
  const settings = iomSettingsService(ctx, access)
  const board = iomBoardService(ctx, access, subjects, settings.iomSettings)

  /**
   * A subject's score on the IOM panel the user sits on that holds them (the command line knows a
   * subject, not a panel): given a panel, that one; otherwise the only one, or a question.
   */
  async function iomScoreOfSubject(
    who: Who,
    subjectId: number,
    panelId?: number,
  ): Promise<{ panelId: number; panelName: string; subjectId: number; score: IomScore }> {
    const held = new Set((await repo.panelsOfSubject(ctx.db, subjectId)).map((r) => r.panel_id))
    const mine = (await panels.listPanels()).filter(
      (p) => p.type === 'iom' && held.has(p.id) && isPanelMember(who.user, p),
    )
    const panel = panelId === undefined ? mine[0] : mine.find((p) => p.id === panelId)
    if (panelId === undefined && mine.length > 1)
      throw new ValidationError({
        panel: `This person is on ${mine.length} of your IOM panels: name one with --panel (${mine.map((p) => p.id).join(', ')})`,
      })
    if (!panel) {
      await ctx.audit.log(who.actor, {
        action: 'case.refused',
        entityType: 'iom-subject',
        entityId: subjectId,
        detail: { path: who.via ?? null },
      })
      throw new NotFoundError('Subject')
    }
    const score = await board.iomScore(who, panel.id, subjectId)
    return { panelId: panel.id, panelName: panel.name, subjectId, score }
  }

  return {
    ...settings,
    ...iomRecordsService(ctx, access, settings.iomSettings),
    ...board,
    iomScoreOfSubject,
    /** The panel if it is an IOM panel: its settings page says nothing of anyone. */
    iomPanel: access.iomPanel,
  }
}
