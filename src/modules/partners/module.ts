import { EVERYONE } from '../../access/roles.ts'
import { partnership } from '../../db/migrations/0009_partnership.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { partnersApi } from './api.ts'
import { partnersCommands } from './cli.ts'
import { loadPartnersDemo } from './demo.ts'
import { paths } from './paths.ts'
import { partnersRoutes } from './routes.ts'
import { createPartnersService, type PartnersService } from './service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    partners: PartnersService
  }
}

const MANAGERS = ['admin', 'partnership-manager'] as const

const permissions = {
  'organisations:view': EVERYONE,
  'people:view': EVERYONE,
  'organisations:manage': MANAGERS,
  'people:manage': MANAGERS,
} as const

/** Partner organisations and the people in them, whether or not they use Safer. */
export const partnersModule: SaferModule<typeof permissions> = {
  name: 'partners',
  permissions,
  // Its first tables came with 0001_foundation, which belongs to no one module (see src/db/migrate.ts).
  migrations: { '0009_partnership': partnership },
  services: provides(['audit'], ({ db }, { audit }) => ({ partners: createPartnersService(db, audit) })),
  pages: [pages(['partners', 'audit'], partnersRoutes)],
  api: [api(['partners', 'audit'], partnersApi)],
  commands: partnersCommands,
  navigation: [
    { text: 'Organisations', href: paths.admin.organisations(), needs: 'organisations:view', order: 40 },
    { text: 'People', href: paths.admin.people(), needs: 'people:view', order: 50 },
  ],
  home: [
    {
      title: 'Partner organisations',
      text: 'The council, police, probation, health, fire and voluntary partners.',
      href: paths.admin.organisations(),
      needs: 'organisations:view',
      order: 30,
    },
    {
      title: 'People',
      text: 'Named leads and board members, whether or not they use Safer.',
      href: paths.admin.people(),
      needs: 'people:view',
      order: 31,
    },
  ],
  paths,
  demo: demo(['partners'], loadPartnersDemo),
  samples: samples(['partners'], async ({ partners }, _made, actor) => {
    const organisation = await partners.createOrganisation(actor, {
      name: 'Sample Council',
      shortName: 'SAMPLE',
      type: 'council',
    })
    return {
      organisation,
      person: await partners.createPerson(actor, { name: 'Sample Person', organisationId: organisation }),
    }
  }),
}
