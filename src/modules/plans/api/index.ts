import type { Services } from '../../../deps.ts'
import type { ApiRegistry } from '../../../http/api.ts'
import { deliverablesApi } from './deliverables.api.ts'
import { plansApi } from './plans.api.ts'
import { strategiesApi } from './strategies.api.ts'

/** /api/v1 routes for strategies, plans, deliverables and progress updates. */
export function plansModuleApi(api: ApiRegistry, services: Services) {
  strategiesApi(api, services)
  plansApi(api, services)
  deliverablesApi(api, services)
}
