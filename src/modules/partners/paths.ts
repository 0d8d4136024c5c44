export const paths = {
  admin: {
    organisations: () => '/admin/organisations',
    newOrganisation: () => '/admin/organisations/new',
    organisation: (id: number | string) => `/admin/organisations/${id}`,
    people: () => '/admin/people',
    newPerson: () => '/admin/people/new',
    person: (id: number | string) => `/admin/people/${id}`,
  },
} as const
