// Typed URL builders: every link and redirect comes from here, so a renamed route breaks the build, not a page.

export const paths = {
  home: () => '/',
  health: () => '/health',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  account: {
    show: () => '/account',
    password: () => '/account/password',
    tokens: () => '/account/tokens',
    revokeToken: (id: number | string) => `/account/tokens/${id}/revoke`,
  },
  admin: {
    organisations: () => '/admin/organisations',
    newOrganisation: () => '/admin/organisations/new',
    organisation: (id: number | string) => `/admin/organisations/${id}`,
    people: () => '/admin/people',
    newPerson: () => '/admin/people/new',
    person: (id: number | string) => `/admin/people/${id}`,
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
    user: (id: number | string) => `/admin/users/${id}`,
    disableUser: (id: number | string) => `/admin/users/${id}/disable`,
    enableUser: (id: number | string) => `/admin/users/${id}/enable`,
    userPassword: (id: number | string) => `/admin/users/${id}/password`,
    audit: () => '/admin/audit',
  },
  api: {
    openapi: () => '/api/v1/openapi.json',
  },
} as const

/** Only same-site paths may be a destination after sign-in: never a full URL or protocol-relative one. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return paths.home()
  return value
}
