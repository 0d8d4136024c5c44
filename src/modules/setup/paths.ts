export const paths = {
  setup: {
    start: () => '/setup',
    partnership: () => '/admin/partnership',
  },
} as const
