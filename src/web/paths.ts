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
  plans: {
    list: () => '/plans',
    show: (id: number | string) => `/plans/${id}`,
    summary: (id: number | string) => `/plans/${id}/summary`,
    planStrategy: (id: number | string) => `/plans/${id}/strategy`,
    exportXlsx: (id: number | string) => `/plans/${id}/export.xlsx`,
    exportCsv: (id: number | string) => `/plans/${id}/export.csv`,
    import: () => '/plans/import',
    importConfirm: () => '/plans/import/confirm',
    strategies: () => '/strategies',
    newStrategy: () => '/strategies/new',
    strategy: (id: number | string) => `/strategies/${id}`,
    editStrategy: (id: number | string) => `/strategies/${id}/edit`,
    priorities: (strategyId: number | string) => `/strategies/${strategyId}/priorities`,
    newPriority: (strategyId: number | string) => `/strategies/${strategyId}/priorities/new`,
    priority: (id: number | string) => `/priorities/${id}`,
    editPriority: (id: number | string) => `/priorities/${id}/edit`,
    deliverable: (id: number | string) => `/deliverables/${id}`,
    editDeliverable: (id: number | string) => `/deliverables/${id}/edit`,
    deliverableUpdates: (id: number | string) => `/deliverables/${id}/updates`,
    myActions: () => '/my-actions',
  },
  crime: {
    overview: () => '/crime',
    hotspots: () => '/crime/hotspots',
    stopSearch: () => '/crime/stop-and-search',
    deprivation: () => '/crime/deprivation',
    seriousViolence: () => '/crime/serious-violence',
    data: () => '/crime/data',
  },
  assessment: {
    form: () => '/assessment',
    preview: () => '/assessment/preview',
    download: () => '/assessment/download',
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
