export const paths = {
  merges: {
    person: (id: number | string) => `/admin/people/${id}/merge`,
    organisation: (id: number | string) => `/admin/organisations/${id}/merge`,
  },
} as const
