export const paths = {
  performance: {
    dashboard: () => '/performance',
    indicator: (id: number | string) => `/performance/indicators/${id}`,
    newIndicator: () => '/performance/indicators/new',
    change: (id: number | string) => `/performance/indicators/${id}/change`,
    targets: (id: number | string) => `/performance/indicators/${id}/targets`,
    removeTarget: (id: number | string) => `/performance/indicators/${id}/targets/remove`,
    enter: (id: number | string) => `/performance/indicators/${id}/values`,
    downloadCsv: (id: number | string) => `/performance/indicators/${id}/values.csv`,
    downloadXlsx: (id: number | string) => `/performance/indicators/${id}/values.xlsx`,
    upload: () => '/performance/upload',
    uploadConfirm: () => '/performance/upload/confirm',
    exceptions: () => '/performance/exceptions',
    vvrap: () => '/performance/vvrap-return.xlsx',
  },
} as const
