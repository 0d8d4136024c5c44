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
import * as repo from './repository.ts'
import { AREA_TABLES, FACT_TABLES } from './store/analytics-schema.repository.ts'
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
  const store = openAnalyticsStore(analyticsPath(config))
  const definitions = createDefinitionsService(db, audit)
  const areas = createAreasService(db, store, audit)
  const ingest = createIngestService(db, store, audit, async (kinds) => {
    if (kinds.has('stop-search')) await areas.placeStopSearches()
  })
  const analysis = createAnalysisService(store, definitions)
  const insights = createInsightsService(store, analysis)

  return {
    ingest: ingest.ingest,
    importAreas: areas.importAreas,
    definitions,
    analysis,
    insights,
    coverage: () => places.coverage(store),
    homeArea: () => places.homeArea(store),
    listIngests: (limit = 100) => repo.listIngests(db, limit),
    policeUkCrimeTypes: () => places.policeUkCrimeTypes(store),
    recordedCategories: () => places.recordedCategories(store),
    shapesIn: places.shapesIn.bind(null, store),
    /** The source pages open on: the Met's recorded crime (all crime, official counts) where loaded, else police.uk. */
    async defaultSource(): Promise<'recorded' | 'police-uk'> {
      const [row] = await store.all<{ n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM recorded_crimes LIMIT 1)',
      )
      return (row?.n ?? 0) > 0 ? 'recorded' : 'police-uk'
    },
    /** True when no crime records are loaded (the demo loads its extract then). */
    async isEmpty() {
      const [row] = await store.all<{ n: number }>(
        'SELECT (SELECT count(*) FROM street_crimes) + (SELECT count(*) FROM recorded_crimes) AS n',
      )
      return (row?.n ?? 0) === 0
    },
    /** Empties the analytics store (the demo loader starts from nothing). */
    async reset() {
      await store.transaction(async (tx) => {
        for (const table of [...FACT_TABLES, ...AREA_TABLES]) await tx.run(`DELETE FROM ${table}`)
      })
    },
    close: () => store.close(),
    storePath: store.path,
  }
}

export type CrimeService = ReturnType<typeof createCrimeService>
