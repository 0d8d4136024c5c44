import { EVERYONE } from '../../access/roles.ts'
import { tasking as taskingMigration } from '../../db/migrations/0025_tasking.ts'
import { taskingJoins as taskingJoinsMigration } from '../../db/migrations/0028_tasking_joins.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { api, only, pages, providesWithOptional, type SaferModule, samples } from '../module.ts'
import { taskingApi } from './api.ts'
import { taskingCommands } from './cli.ts'
import { taskingCohortsApi } from './cohorts.api.ts'
import { loadTaskingDemo, taskingDemoMissing } from './demo.ts'
import { taskingRoutes } from './pages/routes.ts'
import { paths } from './paths.ts'
import { createTaskingService, type TaskingService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    tasking: TaskingService
  }
}

const permissions = {
  // Every partner signed in reads the meetings and their taskings: they carry them out.
  'tasking:view': EVERYONE,
  // The analyst writes the briefing; managers and administrators run the meeting (ADR 0032).
  'tasking:manage': ['admin', 'partnership-manager', 'analyst'],
} as const

/** The monthly tasking meeting: the intelligence briefing from the crime data, and taskings with carry-over. */
export const taskingModule: SaferModule<typeof permissions> = {
  name: 'tasking',
  permissions,
  migrations: { '0025_tasking': taskingMigration, '0028_tasking_joins': taskingJoinsMigration },
  // The trackers give the agenda its events, tensions and incidents, and the risk panels the cohorts
  // a tasking may target; an installation without them still holds its meetings (agenda.ts, cohorts.ts).
  services: providesWithOptional(
    ['audit', 'partners', 'crime'],
    ['trackers', 'cases'],
    ({ db }, { audit, partners, crime }, optional) => ({
      tasking: createTaskingService(db, audit, partners, crime, {
        agenda: () => optional().trackers,
        cohorts: () => optional().cases,
      }),
    }),
  ),
  pages: [pages(['tasking', 'partners', 'audit'], taskingRoutes)],
  api: [api(['tasking', 'audit'], taskingApi), api(['tasking'], taskingCohortsApi)],
  commands: taskingCommands,
  commandErrors: [NotFoundError],
  navigation: [{ text: 'Tasking', href: paths.tasking.meetings(), needs: 'tasking:view', order: 28 }],
  home: [
    {
      title: 'Tasking meetings',
      text: 'The monthly violence tasking meeting: the intelligence briefing from the crime data, and taskings to partners against hotspots, reviewed until done.',
      href: paths.tasking.meetings(),
      needs: 'tasking:view',
      order: 18,
    },
  ],
  paths,
  // The trackers, where installed, give the demo year's agendas their events and tensions.
  demo: {
    needs: ['tasking', 'partners', 'crime'],
    load: (services, actor) =>
      loadTaskingDemo(only(services, ['tasking', 'partners', 'crime']), actor, services.trackers),
    missing: (services) => taskingDemoMissing(only(services, ['tasking', 'crime'])),
  },
  // A meeting with a tasking against a street: neither needs crime data loaded.
  samples: samples(['tasking'], async ({ tasking }, made, actor) => {
    const who = { actor, user: null }
    const taskingMeeting = await tasking.scheduleMeeting(who, { month: '2020-01', meetingDate: '2020-02-10' })
    const sample = await tasking.raiseTasking(who, taskingMeeting, {
      organisationId: made.organisation,
      placeKind: 'street',
      place: 'Sample Street',
      action: 'Sample tasking',
      expectedResult: 'Sample result',
      dueDate: '2020-03-01',
    })
    return { taskingMeeting, tasking: sample }
  }),
}
