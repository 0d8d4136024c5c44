type Id = number | string

export const paths = {
  cases: {
    list: () => '/cases',
    panels: () => '/cases/panels',
    newPanel: () => '/cases/panels/new',
    panel: (id: Id) => `/cases/panels/${id}`,
    editPanel: (id: Id) => `/cases/panels/${id}/edit`,
    newReferral: () => '/cases/referrals/new',
    checkReferral: () => '/cases/referrals/check',
    referrals: () => '/cases/referrals',
    search: () => '/cases/search',
    case: (id: Id) => `/cases/${id}`,
    status: (id: Id) => `/cases/${id}/status`,
    breakGlass: (id: Id) => `/cases/${id}/break-glass`,
    glassSeen: (id: Id) => `/cases/break-glass/${id}/seen`,
    subject: (id: Id) => `/cases/subjects/${id}`,
    iomBoard: (id: Id) => `/cases/panels/${id}/iom`,
    iomSettings: (id: Id) => `/cases/panels/${id}/iom/settings`,
    iomSubject: (id: Id, subjectId: Id) => `/cases/panels/${id}/iom/subjects/${subjectId}`,
  },
} as const
