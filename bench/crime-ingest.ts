// Crime ingest and the assessment's aggregates at scale. In one run, over the same generated files:
//   1. a bare DuckDB load (CREATE TABLE AS SELECT * FROM read_csv with the columns given): the limit;
//   2. Safer's ingest (`crime.ingest`: detection, every file in one pass and one transaction, reject
//      checks, stats, areas resolved, replacement of older copies, ingest history and audit);
//   3. a row-by-row insert into SQLite, one transaction per file;
// then the assessment's aggregates through Safer's services (first asked, and asked again from the
// result cache) and as bare SQL, with peak memory; then the overview page under 20 connections
// against a static file of the same bytes.
//
//   npx tsx bench/crime-ingest.ts [--rows 10000000] [--per-file 250000] [--quick] [--keep] [--no-page]
//   npx tsx bench/crime-ingest.ts --store <folder kept by --keep>   (the aggregates and page only, no ingest)

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Config } from '../src/config.ts'
import { createDeps } from '../src/deps.ts'
import type { CrimeService } from '../src/modules/crime/service.ts'
import { analyticsPath } from '../src/modules/crime/service.ts'
import { openAnalyticsStore } from '../src/modules/crime/store/store.ts'
import { testConfig } from '../test/helpers/app.ts'
import { assessmentAggregates, bareRunner, timeInTurns, timeIt } from './crime/aggregates.ts'
import { bareDuckDbLoad, perFileDuckDbLoad, rowByRowSqlite } from './crime/baselines.ts'
import { generateStreetFiles } from './crime/generate.ts'
import { overviewPageBenchmark } from './crime/overview-page.ts'
import { bytes, load, machine, table } from './support/report.ts'

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    'per-file': { type: 'string' },
    quick: { type: 'boolean' },
    keep: { type: 'boolean' },
    'sqlite-rows': { type: 'string' },
    'no-page': { type: 'boolean' },
    store: { type: 'string' },
  },
})
const ROWS = Number(values.rows ?? (values.quick ? 1_000_000 : 10_000_000))
const RUNS = 9
const PER_FILE = Number(values['per-file'] ?? 250_000)
const SHARED = resolve(import.meta.dirname, '../../shared/data')
const actor = { userId: null, label: 'bench', ip: null }
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-GB')} rows/s`

/** Peak resident memory of this process (DuckDB runs inside it), and a way to start measuring afresh. */
const peakRss = () =>
  Number(readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) * 1024
const resetPeak = () => writeFileSync('/proc/self/clear_refs', '5')

const watchdog = setTimeout(() => {
  console.error('The benchmark took more than 30 minutes: stopping.')
  process.exit(2)
}, 30 * 60_000)
watchdog.unref()

const dir = values.store ? resolve(values.store) : mkdtempSync(join(tmpdir(), 'safer-crime-bench-'))
try {
  console.log(machine())
  console.log(`Load before: ${load()}`)
  const config = testConfig(`sqlite:${join(dir, 'safer.db')}`, { DATA_DIR: dir })
  const deps = await createDeps(config)
  const crime = deps.services.crime
  if (!values.store) await measureIngest(crime)
  const rowsHeld = values.store ? await countStreetCrimes(config) : ROWS

  // The aggregates, on the store Safer just filled; the bare runner's handle shares its DuckDB instance.
  // "First asked" raises the store's load version before each run, so the result cache misses.
  resetPeak()
  const store = openAnalyticsStore(analyticsPath(config))
  const emptyCache = () => store.run('UPDATE load_version SET version = version + 1')
  const aggregates = assessmentAggregates(crime, 'E09000028', '2024-01', '2024-12')
  const rows: string[][] = []
  for (const a of aggregates) {
    const [first, bare] = await timeInTurns(a.safer, bareRunner(store, a.bare), RUNS, emptyCache)
    const again = await timeIt(a.safer, RUNS)
    rows.push([
      a.name,
      `${first.toFixed(1)} ms`,
      `${again.toFixed(2)} ms`,
      `${bare.toFixed(1)} ms`,
      `${(first / bare).toFixed(2)}×`,
    ])
  }
  console.log(
    `\nThe assessment's aggregates over ${rowsHeld.toLocaleString('en-GB')} rows (median of ${RUNS}, after one warm-up; first asked and bare SQL timed in turns)\n`,
  )
  console.log(
    table(['Aggregate', 'Safer, first asked', 'Safer, asked again', 'Bare SQL', 'First ÷ bare'], rows),
  )
  console.log(`\nPeak memory (resident, whole process) during the aggregates: ${bytes(peakRss())}`)
  store.close()
  crime.close()
  await deps.database.close()
  // The server opens the store itself: one process at a time.
  if (!values['no-page']) {
    // The page's server starts on a database of its own each run; an earlier run's would clash.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `bench-server.db${suffix}`), { force: true })
    await overviewPageBenchmark(dir, 'source=police-uk&area=E09000028&from=2024-01&to=2024-12', {
      quick: values.quick,
    })
  }
  console.log(`Load after: ${load()}`)
} finally {
  if (!values.keep && !values.store) rmSync(dir, { recursive: true, force: true })
  else console.log(`Kept ${dir}`)
}

/** Generates the files and times each way of loading them (Safer's ingest leaves its store in `dir`). */
async function measureIngest(crime: CrimeService) {
  let start = performance.now()
  const generated = await generateStreetFiles(SHARED, join(dir, 'files'), ROWS, PER_FILE)
  console.log(
    `Generated ${generated.rows.toLocaleString('en-GB')} rows in ${generated.files.length} files (${bytes(generated.bytes)}) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  )

  start = performance.now()
  const bareRows = await bareDuckDbLoad(generated.files, join(dir, 'bare.duckdb'))
  const bareMs = performance.now() - start
  rmSync(join(dir, 'bare.duckdb'), { force: true })
  console.log(`Bare DuckDB load: ${rate(bareRows, bareMs)} (load ${load()})`)

  start = performance.now()
  const perFileRows = await perFileDuckDbLoad(generated.files, join(dir, 'per-file.duckdb'))
  const perFileMs = performance.now() - start
  rmSync(join(dir, 'per-file.duckdb'), { force: true })
  console.log(`DuckDB load, one transaction per file: ${rate(perFileRows, perFileMs)} (load ${load()})`)

  await crime.importAreas(actor, [join(SHARED, 'lookups')])
  resetPeak()
  start = performance.now()
  const report = await crime.ingest(actor, [join(dir, 'files')])
  const saferMs = performance.now() - start
  if (report.failed.length || report.rows !== ROWS)
    throw new Error(`Safer ingest loaded ${report.rows} rows; failures: ${JSON.stringify(report.failed)}`)
  const ingestPeak = peakRss()
  console.log(
    `Safer ingest: ${rate(report.rows, saferMs)}, peak memory ${bytes(ingestPeak)} (load ${load()})`,
  )

  const sqliteFiles = values['sqlite-rows']
    ? generated.files.slice(0, Math.ceil(Number(values['sqlite-rows']) / PER_FILE))
    : generated.files
  start = performance.now()
  const sqliteRows = await rowByRowSqlite(sqliteFiles, join(dir, 'rows.sqlite'))
  const sqliteMs = performance.now() - start
  rmSync(join(dir, 'rows.sqlite'), { force: true })
  console.log(`Row-by-row SQLite: ${rate(sqliteRows, sqliteMs)} (load ${load()})`)
  const sqliteRate = sqliteRows / sqliteMs
  console.log(
    `Safer's ingest is ${(report.rows / saferMs / sqliteRate).toFixed(1)}× as fast as row-by-row SQLite`,
  )

  console.log(
    `\nIngest of ${ROWS.toLocaleString('en-GB')} rows in ${generated.files.length} files of ${PER_FILE.toLocaleString('en-GB')}\n`,
  )
  console.log(
    table(
      ['Method', 'Rows', 'Time', 'Throughput', 'Time ÷ bare load'],
      [
        [
          'Bare DuckDB load',
          bareRows.toLocaleString('en-GB'),
          `${(bareMs / 1000).toFixed(1)} s`,
          rate(bareRows, bareMs),
          '1.00×',
        ],
        [
          'DuckDB load, a transaction per file',
          perFileRows.toLocaleString('en-GB'),
          `${(perFileMs / 1000).toFixed(1)} s`,
          rate(perFileRows, perFileMs),
          `${(perFileMs / bareMs).toFixed(2)}×`,
        ],
        [
          'Safer ingest',
          report.rows.toLocaleString('en-GB'),
          `${(saferMs / 1000).toFixed(1)} s`,
          rate(report.rows, saferMs),
          `${(saferMs / bareMs).toFixed(2)}×`,
        ],
        [
          'Row-by-row SQLite',
          sqliteRows.toLocaleString('en-GB'),
          `${(sqliteMs / 1000).toFixed(1)} s`,
          rate(sqliteRows, sqliteMs),
          `${(((sqliteMs / sqliteRows) * bareRows) / bareMs).toFixed(2)}×`,
        ],
      ],
    ),
  )
}

async function countStreetCrimes(config: Config): Promise<number> {
  const store = openAnalyticsStore(analyticsPath(config))
  const [row] = await store.all<{ n: number }>('SELECT count(*) AS n FROM street_crimes')
  return row?.n ?? 0
}
