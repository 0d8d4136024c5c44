// What Safer asks DuckDB when a figure is first asked: each statement, when it started and how long
// it took, for a few of the assessment's aggregates and for the overview page's figures. Run it on
// a store kept by the benchmark (`bench/crime-ingest.ts --keep`):
//
//   npx tsx bench/crime/profile.ts <kept folder>

import { join } from 'node:path'
import { createDeps } from '../../src/deps.ts'
import { createAnalysisService } from '../../src/modules/crime/analysis/analysis.service.ts'
import { createDefinitionsService } from '../../src/modules/crime/analysis/definitions.service.ts'
import { createInsightsService } from '../../src/modules/crime/analysis/insights.service.ts'
import { createCrimePagesService } from '../../src/modules/crime/pages/pages.service.ts'
import { versionedStore } from '../../src/modules/crime/store/load-version.repository.ts'
import { cachedReads } from '../../src/modules/crime/store/result-cache.ts'
import { openAnalyticsStore } from '../../src/modules/crime/store/store.ts'
import { testConfig } from '../../test/helpers/app.ts'
import { loggingStore, type Statement } from './statements.ts'

const dir = process.argv[2]
if (!dir) {
  console.error('Usage: npx tsx bench/crime/profile.ts <folder kept by bench/crime-ingest.ts --keep>')
  process.exit(2)
}
const deps = await createDeps(testConfig(`sqlite:${join(dir, 'safer.db')}`, { DATA_DIR: dir }))
const raw = openAnalyticsStore(join(dir, 'analytics.duckdb'))
const log: Statement[] = []
// Built as the crime service builds it, with the statements logged beneath the cache.
const reads = cachedReads(versionedStore(loggingStore(raw, log)))
const definitions = createDefinitionsService(deps.database.db, deps.services.audit)
const analysis = createAnalysisService(reads, definitions)
const insights = createInsightsService(reads, analysis)
const pages = createCrimePagesService(deps.database.db, reads, analysis, insights, definitions)

/** The third of three first-asked runs (the load version raised before each), statement by statement. */
async function profile(name: string, fn: () => Promise<unknown>) {
  let start = 0
  for (let i = 0; i < 3; i++) {
    await raw.run('UPDATE load_version SET version = version + 1')
    log.length = 0
    start = performance.now()
    await fn()
  }
  const total = performance.now() - start
  const versions = log.filter((s) => s.sql.includes('FROM load_version')).length
  console.log(
    `\n${name}: ${total.toFixed(1)} ms, ${log.length} statements (${versions} of them the load version)`,
  )
  for (const s of log)
    console.log(
      `  at ${(s.at - start).toFixed(1).padStart(6)} ${s.ms.toFixed(1).padStart(7)} ms  ${s.sql.slice(0, 110)}`,
    )
}

const borough = { source: 'police-uk', area: 'E09000028', from: '2024-01', to: '2024-12' }
const force = { source: 'police-uk', area: 'Bench Police', areaType: 'force', from: '2000-01', to: '2030-12' }
try {
  await profile('Total for the borough', async () => analysis.total(await analysis.resolve(borough)))
  await profile('By ward', async () => analysis.count(await analysis.resolve(borough), 'ward'))
  await profile('Whole force by crime type', async () =>
    analysis.count(await analysis.resolve(force), 'crime_type'),
  )
  await profile('The overview page', async () => {
    const q = await analysis.resolve(borough)
    const covered = await pages.coverage(q)
    return pages.overview(q, covered.detail ?? undefined)
  })
} finally {
  raw.close()
  await deps.database.close()
}
