import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { createBoardsService } from './boards.service.ts'
import { createDecisionsService, type DecisionsOptions } from './decisions/decisions.service.ts'
import { createDutiesService } from './duties/duties.service.ts'
import { createMeetingsService } from './meetings.service.ts'
import { createMinutesService } from './minutes.service.ts'
import { createPublishingService } from './publishing/publishing.service.ts'

/** The partnership's governance: boards, meetings, agendas and minutes, as one service. */
export function createGovernanceService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  decisions: DecisionsOptions = {},
) {
  return {
    ...createBoardsService(db, audit, partners),
    ...createMeetingsService(db, audit, partners),
    ...createMinutesService(db, audit, partners),
    ...createDutiesService(db, audit),
    ...createPublishingService(db, audit, partners),
    ...createDecisionsService(db, audit, decisions),
  }
}

export type GovernanceService = ReturnType<typeof createGovernanceService>
