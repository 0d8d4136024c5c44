export const paths = {
  crime: {
    overview: () => '/crime',
    hotspots: () => '/crime/hotspots',
    stopSearch: () => '/crime/stop-and-search',
    deprivation: () => '/crime/deprivation',
    seriousViolence: () => '/crime/serious-violence',
    data: () => '/crime/data',
    load: () => '/crime/load',
    loadJob: (id: number | string) => `/crime/loads/${id}`,
  },
  assessment: {
    form: () => '/assessment',
    preview: () => '/assessment/preview',
    download: () => '/assessment/download',
  },
} as const
