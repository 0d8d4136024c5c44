import type { Db } from '../../../db/database.ts'
import type { AuditService } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import { createPapersService } from './papers.service.ts'
import { createPlanLinksService } from './plan-links.service.ts'

/** Governance's ties to other work: board papers, and resolutions and actions arising linked to the plan. */
export function createGovernancePapersService(
  db: Db,
  audit: AuditService,
  s: Pick<Services, 'plans' | 'planStructure' | 'deliverables' | 'strategies'>,
) {
  return {
    ...createPapersService(db, audit, s.plans, s.strategies),
    ...createPlanLinksService(db, audit, s),
  }
}

export type GovernancePapersService = ReturnType<typeof createGovernancePapersService>
