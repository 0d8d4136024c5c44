export const paths = {
  admin: {
    audit: () => '/admin/audit',
  },
} as const
