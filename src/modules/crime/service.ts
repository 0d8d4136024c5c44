import { dirname, join } from 'node:path'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import { createAnalysisService } from './analysis/analysis.service.ts'
import { createDefinitionsService } from './analysis/definitions.service.ts'
import { createInsightsService } from './analysis/insights.service.ts'
import { createAreasService } from './areas/areas.service.ts'
import * as places from './areas/places.repository.ts'
import { createIngestService } from './ingest/ingest.service.ts'
import { createLoadJobs } from './load/load-jobs.service.ts'
import { createCrimePagesService } from './pages/pages.service.ts'
import * as repo from './repository.ts'
import { defaultSource } from './sources.ts'
import * as contents from './store/contents.repository.ts'
import { versionedStore } from './store/load-version.repository.ts'
import { cachedReads } from './store/result-cache.ts'
import { openAnalyticsStore } from './store/store.ts'

/**
 * Where the analytics store lives: beside the SQLite database (by default both are in the data
 * folder), so a database and its crime data stay together; on PostgreSQL, in the data folder.
 */
export function analyticsPath(config: Config): string {
  if (config.dialect === 'sqlite' && config.sqlitePath !== ':memory:')
    return join(dirname(config.sqlitePath), 'analytics.duckdb')
  return join(config.dataDir, 'analytics.duckdb')
}

/**
 * Crime data and analyses: the only thing other modules call. Records live in the DuckDB analytics
 * store (opened on first use); the operational database keeps ingest history and definitions.
 */
export function createCrimeService(db: Db, audit: AuditService, config: Config) {
  const store = versionedStore(openAnalyticsStore(analyticsPath(config)))
  // Analyses and pages read through the result cache; loading and importing write to the store.
  const reads = cachedReads(store)
  const definitions = createDefinitionsService(db, audit)
  const areas = createAreasService(db, store, audit)
  const ingest = createIngestService(db, store, audit, async (kinds) => {
    if (kinds.has('stop-search')) await areas.placeStopSearches()
  })
  const analysis = createAnalysisService(reads, definitions)
  const insights = createInsightsService(reads, analysis)
  const pages = createCrimePagesService(db, reads, analysis, insights, definitions)
  const loads = createLoadJobs(audit, ingest.ingest, join(config.dataDir, 'uploads'))

  return {
    ingest: ingest.ingest,
    importAreas: areas.importAreas,
    /** Files uploaded in the browser, loaded in the background by the server (ADR 0019). */
    loads,
    definitions,
    analysis,
    insights,
    pages,
    coverage: () => places.coverage(reads),
    homeArea: () => places.homeArea(reads),
    listIngests: (limit = 100) => repo.listIngests(db, limit),
    policeUkCrimeTypes: () => places.policeUkCrimeTypes(reads),
    recordedCategories: () => places.recordedCategories(reads),
    shapesIn: places.shapesIn.bind(null, reads),
    /** The source an analysis uses when none is asked for: one rule for pages, CLI and API (sources.ts). */
    defaultSource: async () => defaultSource(await contents.hasRecordedCrime(store)),
    /** True when no crime records are loaded (the demo loads its extract then). */
    isEmpty: () => contents.holdsNoCrimes(store),
    /** Empties the analytics store (the demo loader starts from nothing). */
    reset: () => contents.emptyStore(store),
    close: () => store.close(),
    storePath: store.path,
  }
}

export type CrimeService = ReturnType<typeof createCrimeService>
