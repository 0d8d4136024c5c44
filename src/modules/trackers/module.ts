import { EVERYONE } from '../../access/roles.ts'
import { trackers as trackersMigration } from '../../db/migrations/0026_trackers.ts'
import { api, demo, pages, providesWithOptional, type SaferModule, samples } from '../module.ts'
import { trackersApi } from './api/trackers.api.ts'
import { loadTrackersDemo, trackersDemoMissing } from './demo.ts'
import { activityRoutes } from './pages/activity.routes.ts'
import { eventRoutes } from './pages/events.routes.ts'
import { incidentRoutes } from './pages/incidents.routes.ts'
import { overviewRoutes } from './pages/overview.routes.ts'
import { tensionRoutes } from './pages/tensions.routes.ts'
import { paths } from './paths.ts'
import { createTrackersService, type TrackersService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    trackers: TrackersService
  }
}

const permissions = {
  // The trackers exist to be shared with partner agencies (seed 003: "shared with partner
  // agencies"), and hold no one's name: everyone signed in reads them.
  'trackers:view': EVERYONE,
  // Kept by those who assess and co-ordinate: analysts, partnership managers and administrators.
  'trackers:manage': ['admin', 'partnership-manager', 'analyst'],
} as const

/** The events tracker, community tension monitoring, the police activity tracker and critical incidents. */
export const trackersModule: SaferModule<typeof permissions> = {
  name: 'trackers',
  permissions,
  migrations: { '0026_trackers': trackersMigration },
  // A critical incident links to taskings by number: the tasking service checks it and names it,
  // where the installation has tasking (else the number is kept as given).
  services: providesWithOptional(
    ['audit', 'partners', 'crime'],
    ['tasking'],
    ({ db }, { audit, partners, crime }, optional) => ({
      trackers: createTrackersService(db, audit, partners, crime, () => optional().tasking),
    }),
  ),
  pages: [
    pages(['trackers'], overviewRoutes),
    pages(['trackers', 'partners'], eventRoutes),
    pages(['trackers', 'partners', 'audit'], tensionRoutes),
    pages(['trackers', 'partners'], activityRoutes),
    pages(['trackers', 'audit'], incidentRoutes),
  ],
  api: [api(['trackers', 'audit'], trackersApi)],
  navigation: [{ text: 'Trackers', href: paths.trackers.overview(), needs: 'trackers:view', order: 28 }],
  home: [
    {
      title: 'Events, tensions and police activity',
      text: 'Events of risk coming up, community tension by ward, police tactics beside stop and search, and the response to critical incidents.',
      href: paths.trackers.overview(),
      needs: 'trackers:view',
      order: 18,
    },
  ],
  paths,
  demo: demo(['trackers', 'partners'], loadTrackersDemo, trackersDemoMissing),
  // One of each record, given in words so no area data is needed; the incident stays open, so
  // every one of its forms reaches it.
  samples: samples(['trackers'], async ({ trackers }, _made, actor) => {
    const who = { actor, user: null }
    const place = { placeKind: 'text', placeName: 'Sample place' }
    const trackerEvent = await trackers.createEvent(who, {
      title: 'Sample event',
      eventType: 'other',
      startsOn: '2020-01-15',
      riskLevel: 'low',
      ...place,
    })
    const tensionAssessment = await trackers.createAssessment(who, {
      areaKind: 'area',
      assessedOn: '2020-01-15',
      level: 2,
    })
    const policeActivity = await trackers.createActivity(who, {
      activityOn: '2020-01-15',
      tactic: 'weapon-sweep',
      ...place,
    })
    const criticalIncident = await trackers.createIncident(who, {
      title: 'Sample incident',
      occurredOn: '2020-01-15',
      ...place,
    })
    return { trackerEvent, tensionAssessment, policeActivity, criticalIncident }
  }),
}
