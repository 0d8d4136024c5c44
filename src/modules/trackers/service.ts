import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import type { CrimeService } from '../crime/service.ts'
import type { PartnersService } from '../partners/service.ts'
import { createActivityService } from './activity.service.ts'
import { createEventsService } from './events.service.ts'
import { createIncidentsService, type TaskingLookup } from './incidents.service.ts'
import { createPlaces } from './places.ts'
import { createTensionsService } from './tensions.service.ts'

/**
 * The trackers as one service: events of risk, community tensions, police activity and critical
 * incidents. The tasking meeting's agenda reads `upcomingEvents`, `latestTensions` and
 * `criticalIncidents` from here.
 */
export function createTrackersService(
  db: Db,
  audit: AuditService,
  partners: PartnersService,
  crime: CrimeService,
  taskings?: TaskingLookup,
) {
  const places = createPlaces(crime)
  const tensions = createTensionsService(db, audit, partners, places)
  return {
    ...createEventsService(db, audit, partners, places),
    ...tensions,
    ...createActivityService(db, audit, partners, places, crime),
    ...createIncidentsService(db, audit, places, tensions, taskings),
    /** The partnership area's wards, for a form's list of places. */
    wards: places.wards,
  }
}

export type TrackersService = ReturnType<typeof createTrackersService>
