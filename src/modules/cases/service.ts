import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import type { UsersService } from '../auth/users.service.ts'
import type { PartnersService } from '../partners/service.ts'
import { createBreakGlassService } from './access/break-glass.service.ts'
import { type ChairNotifier, chairNotifier } from './access/chair-notice.ts'
import type { CasesContext } from './context.ts'
import { createPanelsService } from './panels/panels.service.ts'
import { fieldCipher } from './protection/field-cipher.ts'
import { caseKeyring } from './protection/keys.ts'
import { createIomService } from './iom/service.ts'
import { createReferralsService } from './referrals/referrals.service.ts'
import { createSearchService } from './subjects/search.service.ts'
import { subjectsStore } from './subjects/subjects.store.ts'

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
  const keys = caseKeyring(config.caseDataKey)
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
  const referrals = createReferralsService(ctx, panels, subjects)
  return {
    ...panels,
    ...referrals,
    ...createSearchService(ctx, subjects, referrals),
    ...createBreakGlassService(ctx, panels),
    ...createIomService(ctx, panels, subjects),
    /** The public id of CASE_DATA_KEY, for the operator to check which key a server runs with. */
    keyId: keys.current.id,
  }
}

export type CasesService = ReturnType<typeof createCasesService>
