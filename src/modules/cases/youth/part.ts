import { createAsbService } from '../asb/asb.service.ts'
import type { CasesContext } from '../context.ts'
import type { PanelsService } from '../panels/panels.service.ts'
import type { ReferralsService } from '../referrals/referrals.service.ts'
import type { SubjectsStore } from '../subjects/subjects.store.ts'
import { createYouthService } from './youth.service.ts'

/** The youth and knife crime panels' work and the Community MARAC's ASB case reviews, as one part of the cases service. */
export const youthAndAsbServices = (
  ctx: CasesContext,
  panels: PanelsService,
  referrals: Pick<ReferralsService, 'caseAccessOf'>,
  subjects: SubjectsStore,
) => ({ ...createYouthService(ctx, panels, referrals, subjects), ...createAsbService(ctx, panels, subjects) })
