export const paths = {
  reminders: {
    admin: () => '/admin/reminders',
  },
} as const
