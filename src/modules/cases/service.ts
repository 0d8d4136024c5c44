import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import type { UsersService } from '../auth/users.service.ts'
import type { PartnersService } from '../partners/service.ts'
import { createBreakGlassService } from './access/break-glass.service.ts'
import { type ChairNotifier, chairNotifier } from './access/chair-notice.ts'
import { createActionsService } from './actions/actions.service.ts'
import { createAssessmentsService } from './assessments/assessments.service.ts'
import { channelAndMase } from './channel/services.ts'
import { createCohortReportsService } from './cohort-reports/cohort-reports.service.ts'
import { createCohortsService } from './cohorts/cohorts.service.ts'
import type { CasesContext } from './context.ts'
import { createInterventionsService } from './interventions/service.ts'
import { createIomService } from './iom/service.ts'
import type { CaseRecord } from './meetings/case-record.ts'
import { createMeetingsService } from './meetings/meetings.service.ts'
import { createPanelsService } from './panels/panels.service.ts'
import type { Who } from './policy.ts'
import { fieldCipher } from './protection/field-cipher.ts'
import { caseKeyring } from './protection/keys.ts'
import type { Case } from './referrals/case.ts'
import { createReferralsService } from './referrals/referrals.service.ts'
import { createSafeLivesReturnService } from './returns/safelives.service.ts'
import { createRightsService } from './rights/rights.service.ts'
import { createSearchService } from './subjects/search.service.ts'
import { subjectsStore } from './subjects/subjects.store.ts'
import { youthAndAsbServices } from './youth/part.ts'

export interface CasesOptions {
  /** The time now; tests give their own clock to reach a break glass's expiry without waiting. */
  now?: () => Date
  notifyChair?: ChairNotifier
}

/** The risk panels' case system, as one service: every read and change asks the need-to-know policy first. */
export function createCasesService(
  db: Db,
  config: Config,
  audit: AuditService,
  users: UsersService,
  partners: PartnersService,
  options: CasesOptions = {},
) {
  const keys = caseKeyring(config.caseDataKey, config.caseDataKeyPrevious)
  const ctx: CasesContext = {
    db,
    audit,
    users,
    partners,
    keys,
    cipher: fieldCipher(keys),
    now: options.now ?? (() => new Date()),
    breakGlassHours: config.breakGlassHours,
    notifyChair: options.notifyChair ?? chairNotifier(config),
  }
  const panels = createPanelsService(ctx)
  const subjects = subjectsStore(ctx)
  const assessments = createAssessmentsService(ctx, panels)
  const referrals = createReferralsService(ctx, panels, subjects, assessments)
  const actions = createActionsService(ctx, panels)
  const meetings = createMeetingsService(ctx, panels, subjects, referrals, actions)

  /** The case with what the panel has done with it: read after, and only after, the policy let the reader in. */
  async function getCase(who: Who, id: number): Promise<Case & CaseRecord> {
    const found = await referrals.getCase(who, id)
    const { meetings: heard, safetyPlan } = await meetings.meetingsOfCase(id)
    return {
      ...found,
      assessments: await assessments.assessmentsOf(id),
      meetings: heard,
      actions: await actions.actionsOf([id]),
      safetyPlan,
    }
  }

  return {
    ...panels,
    ...referrals,
    getCase,
    assessmentForm: assessments.assessmentForm,
    reassess: assessments.reassess,
    ...meetings,
    addAction: actions.addAction,
    updateAction: actions.updateAction,
    myActions: actions.myActions,
    overdueActions: actions.overdueActions,
    ...createSafeLivesReturnService(ctx, panels, subjects, {
      file: config.maracPopulationFile,
      area: config.maracArea,
    }),
    ...createSearchService(ctx, subjects, referrals),
    ...createBreakGlassService(ctx, panels),
    ...createRightsService(ctx, panels, subjects),
    ...createCohortsService(ctx, panels, subjects),
    ...createInterventionsService(ctx, panels, referrals),
    ...createIomService(ctx, panels, subjects),
    ...channelAndMase(ctx, panels, subjects, referrals),
    ...youthAndAsbServices(ctx, panels, referrals, subjects),
    ...createCohortReportsService(ctx, panels, referrals),
    /** The public id of CASE_DATA_KEY, for the operator to check which key a server runs with. */
    keyId: keys.current.id,
  }
}

export type CasesService = ReturnType<typeof createCasesService>
