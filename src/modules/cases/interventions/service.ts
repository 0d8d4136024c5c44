import type { CasesContext } from '../context.ts'
import { createOutcomesService } from '../outcomes/outcomes.service.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { Who } from '../policy.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import { createDirectoryService } from './directory.service.ts'
import { createEpisodesService } from './episodes.service.ts'
import { subjectReach } from './subject-reach.ts'

/** The interventions directory, episodes and outcome events, as part of the cases service. */
export function createInterventionsService(
  ctx: CasesContext,
  panels: PanelsService,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
) {
  const reacher = subjectReach(ctx, referrals)
  const directory = createDirectoryService(ctx, panels)
  return {
    ...directory,
    ...createEpisodesService(ctx, reacher, directory),
    ...createOutcomesService(ctx, reacher, panels),
    /** The panels a user may record for about a subject; "not found" where there are none. */
    recordingPanels: (who: Who, subjectId: number) => reacher.requireRecordable(who, subjectId),
  }
}
