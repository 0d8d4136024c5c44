export const paths = {
  setup: {
    start: () => '/setup',
  },
} as const
