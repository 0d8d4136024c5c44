import type { CasesContext } from '../context.ts'
import { createMaseService } from '../mase/mase.service.ts'
import { createProblemProfileService } from '../mase/profile.service.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { createChannelService } from './channel.service.ts'

/** Channel's and MASE's parts of the cases service, made from the same context and referrals. */
export const channelAndMase = (
  ctx: CasesContext,
  panels: PanelsService,
  subjects: SubjectsStore,
  referrals: Pick<ReferralsService, 'caseAccessOf' | 'caseSubjects'>,
) => ({
  ...createChannelService(ctx, panels, subjects, referrals),
  ...createMaseService(ctx, panels, subjects, referrals),
  ...createProblemProfileService(ctx, panels),
})
