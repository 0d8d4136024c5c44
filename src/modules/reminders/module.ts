import { reminderRuns } from '../../db/migrations/0012_reminder_runs.ts'
import { pages, provides, type SaferModule, serverTask } from '../module.ts'
import { reminderCommands } from './cli.ts'
import { paths } from './paths.ts'
import { reminderRoutes } from './routes.ts'
import { startReminderSchedule } from './scheduler.ts'
import { createRemindersService, RemindersNotConfiguredError, type RemindersService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    reminders: RemindersService
  }
}

const permissions = {
  // Sending by hand, and the page that shows who would get what, are an administrator's.
  'reminders:send': ['admin'],
} as const

/** The weekly e-mail "chaser": each lead's own deliverables that need them, and managers' counts. */
export const remindersModule: SaferModule<typeof permissions> = {
  name: 'reminders',
  permissions,
  migrations: { '0012_reminder_runs': reminderRuns },
  services: provides(['users', 'deliverables', 'plans', 'audit'], ({ db, config }, services) => ({
    reminders: createRemindersService(db, config, services),
  })),
  pages: [
    pages(['reminders', 'audit'], (app, services, { config }) => reminderRoutes(app, services, config)),
  ],
  commands: reminderCommands,
  commandErrors: [RemindersNotConfiguredError],
  home: [
    {
      title: 'E-mail reminders',
      text: 'Who gets the weekly reminder, and send it now.',
      href: paths.reminders.admin(),
      needs: 'reminders:send',
      order: 45,
    },
  ],
  paths,
  server: [serverTask(['reminders'], startReminderSchedule)],
}
