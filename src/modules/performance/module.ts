import { EVERYONE } from '../../access/roles.ts'
import { performance as performanceMigration } from '../../db/migrations/0014_performance.ts'
import { indicatorComparatorSeries } from '../../db/migrations/0015_indicator_comparator_series.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { api, demo, pages, providesWithOptional, type SaferModule, samples } from '../module.ts'
import { performanceApi } from './api/performance.api.ts'
import { performanceCommands } from './cli.ts'
import { createComputedService } from './computed/computed.service.ts'
import { loadPerformanceDemo, performanceDemoMissing } from './demo.ts'
import { createImportService, type IndicatorImportService } from './import/import.service.ts'
import { createIndicatorsService, type IndicatorsService } from './indicators.service.ts'
import { defineRoutes } from './pages/define.routes.ts'
import { entryRoutes } from './pages/entry.routes.ts'
import { performanceRoutes } from './pages/routes.ts'
import { targetRoutes } from './pages/targets.routes.ts'
import { paths } from './paths.ts'
import { createReportsService, type PerformanceReportsService } from './reports.service.ts'
import './tables.ts'

declare module '../module.ts' {
  interface Services {
    indicators: IndicatorsService
    indicatorImport: IndicatorImportService
    performanceReports: PerformanceReportsService
  }
}

const permissions = {
  // Indicators are aggregate figures, no one's personal data: everyone signed in reads them.
  'performance:view': EVERYONE,
  'performance:export': EVERYONE,
  // Opens the entry form and the upload; the policy lets a user enter only their own
  // organisation's indicators, and partnership managers any.
  'performance:enter': ['admin', 'partnership-manager', 'lead', 'analyst', 'caseworker', 'board-member'],
  'performance:define': ['admin', 'partnership-manager'],
} as const

/** Indicators, targets and tolerance, values and corrections, computed crime indicators, the dashboard and the exception report. */
export const performanceModule: SaferModule<typeof permissions> = {
  name: 'performance',
  permissions,
  migrations: {
    '0014_performance': performanceMigration,
    '0015_indicator_comparator_series': indicatorComparatorSeries,
  },
  // The risk panels' cohort report is an optional source of computed indicators (ADR 0037).
  services: providesWithOptional(
    ['audit', 'crime', 'plans'],
    ['cohortIndicators'],
    ({ db }, { audit, crime, plans }, optional) => {
      const computed = createComputedService(db, audit, crime, () => optional().cohortIndicators)
      const indicators = createIndicatorsService(db, audit, computed.refreshIfStale, computed.check)
      return {
        indicators,
        indicatorImport: createImportService(db, indicators),
        performanceReports: createReportsService(db, audit, indicators, plans, crime.homeArea),
      }
    },
  ),
  pages: [
    pages(['indicators', 'performanceReports', 'partners', 'strategies', 'plans'], performanceRoutes),
    pages(['indicators', 'indicatorImport'], entryRoutes),
    pages(['indicators', 'partners', 'strategies', 'plans', 'crime'], defineRoutes),
    pages(['indicators'], targetRoutes),
  ],
  api: [api(['indicators', 'indicatorImport', 'performanceReports'], performanceApi)],
  commands: performanceCommands,
  // An unknown indicator key at the command line is a message, not a stack trace.
  commandErrors: [NotFoundError],
  navigation: [
    { text: 'Performance', href: paths.performance.dashboard(), needs: 'performance:view', order: 25 },
  ],
  home: [
    {
      title: 'Performance',
      text: 'Indicators against their targets, whether a change is real, and the exception report for the board.',
      href: paths.performance.dashboard(),
      needs: 'performance:view',
      order: 15,
    },
  ],
  paths,
  demo: demo(['indicators', 'partners', 'strategies'], loadPerformanceDemo, performanceDemoMissing),
  // A manual indicator owned by no organisation: partnership managers reach every entry route;
  // the permission-matrix test makes its own organisation the owner, so owners do too.
  samples: samples(['indicators'], async ({ indicators }, _made, actor) => ({
    indicator: await indicators.define(
      { actor, user: null },
      {
        key: 'sample-indicator',
        name: 'Sample indicator',
        unit: 'count',
        polarity: 'down',
        frequency: 'month',
      },
    ),
  })),
}
