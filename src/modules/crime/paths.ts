export const paths = {
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
} as const
