export const paths = {
  account: {
    show: () => '/account',
    password: () => '/account/password',
    tokens: () => '/account/tokens',
    revokeToken: (id: number | string) => `/account/tokens/${id}/revoke`,
  },
  admin: {
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
    user: (id: number | string) => `/admin/users/${id}`,
    disableUser: (id: number | string) => `/admin/users/${id}/disable`,
    enableUser: (id: number | string) => `/admin/users/${id}/enable`,
    userPassword: (id: number | string) => `/admin/users/${id}/password`,
  },
} as const
