import { EVERYONE } from '../../access/roles.ts'
import { userPersonLink } from '../../db/migrations/0005_user_person_link.ts'
import { tokenExpiry } from '../../db/migrations/0006_token_expiry.ts'
import { signInThrottleByAddress } from '../../db/migrations/0007_sign_in_throttle_by_address.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { accountRoutes } from './account.routes.ts'
import { authApi } from './api.ts'
import { userCommands } from './cli.ts'
import { loadUsersDemo } from './demo.ts'
import { createUserMergeReferences } from './merge-references.ts'
import { paths } from './paths.ts'
import { type AuthService, createAuthService } from './service.ts'
import { signInRoutes } from './sign-in.routes.ts'
import './tables.ts'
import { asCurrentUser } from '../../access/current-user.ts'
import { userAdminRoutes } from './users.routes.ts'
import { createUsersService, type UsersService } from './users.service.ts'

export type UserMergeReferences = ReturnType<typeof createUserMergeReferences>

declare module '../module.ts' {
  interface Services {
    users: UsersService
    auth: AuthService
    userMergeReferences: UserMergeReferences
  }
}

const permissions = {
  'account:manage': EVERYONE,
  'users:view': ['admin'],
  'users:manage': ['admin'],
} as const

/** Users and their roles, sign-in, sessions, your account and API tokens. */
export const authModule: SaferModule<typeof permissions> = {
  name: 'auth',
  permissions,
  // Its tables came with 0001_foundation, which belongs to no one module (see src/db/migrate.ts);
  // these change them since.
  migrations: {
    '0005_user_person_link': userPersonLink,
    '0006_token_expiry': tokenExpiry,
    '0007_sign_in_throttle_by_address': signInThrottleByAddress,
  },
  services: provides(['audit', 'partners'], ({ db, config }, { audit, partners }) => ({
    users: createUsersService(db, audit, partners),
    auth: createAuthService(db, audit, config),
    userMergeReferences: createUserMergeReferences(db),
  })),
  pages: [
    pages(['auth'], (app, services, { config }) => signInRoutes(app, services, config)),
    pages(['auth', 'users'], accountRoutes),
    pages(['users', 'partners', 'audit'], userAdminRoutes),
  ],
  api: [api(['users', 'audit'], authApi)],
  commands: userCommands,
  navigation: [{ text: 'Users', href: paths.admin.users(), needs: 'users:view', order: 60 }],
  home: [
    {
      title: 'Users',
      text: 'Who can sign in, with which role.',
      href: paths.admin.users(),
      needs: 'users:view',
      order: 40,
    },
    {
      title: 'Your account',
      text: 'Change your password and manage API tokens.',
      href: paths.account.show(),
      needs: 'account:manage',
      order: 60,
    },
  ],
  paths,
  demo: demo(['partners', 'users'], loadUsersDemo),
  samples: samples(['users', 'auth'], async ({ users, auth }, made, actor) => {
    const user = await users.create(actor, {
      email: 'sample@sample.example',
      name: 'Sample User',
      organisationId: made.organisation,
      role: 'viewer',
      password: 'amber-kettle-orchard',
    })
    const token = await auth.createToken(asCurrentUser(await users.get(user)), 'Sample token', actor)
    return { user, token: token.id }
  }),
}
