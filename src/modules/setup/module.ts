import { ValidationError } from '../../shared/errors.ts'
import { pages, provides, type SaferModule } from '../module.ts'
import { setupCommand } from './cli.ts'
import { partnershipRoutes } from './partnership.routes.ts'
import { paths } from './paths.ts'
import { setupRoutes } from './routes.ts'
import { AlreadySetUpError, createSetupService, type SetupService } from './service.ts'

declare module '../module.ts' {
  interface Services {
    setup: SetupService
  }
}

const permissions = {
  'partnership:manage': ['admin'],
} as const

/** The first run: an empty installation set up with its partnership, organisations and first administrator; then its settings. */
export const setupModule: SaferModule<typeof permissions> = {
  name: 'setup',
  // The setup page itself is public: until there is an administrator there is no one to sign in
  // as. The one-time code printed on the server's console stands in for a permission.
  permissions,
  services: provides(
    ['partners', 'users', 'audit', 'crime'],
    ({ db }, { partners, users, audit, crime }) => ({
      setup: createSetupService(db, { partners, users, audit }, async (code) => {
        // The local authorities the crime module knows: London's boroughs always, others once the ONS lookups are imported.
        try {
          const area = await crime.analysis.resolveArea(code, 'lad')
          return { code: area.code, name: area.name }
        } catch (error) {
          if (error instanceof ValidationError) return null
          throw error
        }
      }),
    }),
  ),
  pages: [
    pages(['setup', 'auth'], (app, services, { config }) => setupRoutes(app, services, config)),
    pages(['setup', 'partners'], partnershipRoutes),
  ],
  commands: [setupCommand],
  commandErrors: [AlreadySetUpError],
  home: [
    {
      title: 'Your partnership',
      text: 'The partnership’s name and the area it serves.',
      href: paths.setup.partnership(),
      needs: 'partnership:manage',
      order: 45,
    },
  ],
  paths,
}
