// npm run crash-safety [-- --trials N]: kills Safer with SIGKILL at random moments while it imports
// plans, ingests crime files and takes a burst of progress updates, then checks what a restart
// would find: SQLite passes PRAGMA integrity_check, the DuckDB store opens and its tables read,
// `safer audit verify` passes, and every import is wholly present or wholly absent.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { loadConfig } from '../src/config.ts'
import { createDeps } from '../src/deps.ts'

const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { trials: { type: 'string', default: '20' }, seed: { type: 'string', default: '7' } },
})
const TRIALS = Number(values.trials)
let rand = Number(values.seed)
// A small fixed-seed generator, so a run can be repeated.
const random = () => {
  rand = (rand * 1103515245 + 12345) % 2 ** 31
  return rand / 2 ** 31
}

const env = (dir: string) => ({
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`,
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  SESSION_SECRET: 'crash-'.padEnd(40, 'x'),
  // The children run src/ through tsx; `safer` checks the same code, built or not.
  SAFER_FROM_SOURCE: '1',
})

/** Runs the child until it is ready, lets it work for a random time, then kills it outright. */
async function killMidway(scenario: string, dir: string, maxMs: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/crash-safety/child.ts'), scenario, dir],
    { env: env(dir), stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ready())
    child.once('exit', (code) => fail(new Error(`${scenario} child exited (${code}) before it was ready`)))
  })
  const wait = Math.round(random() * maxMs)
  await new Promise((r) => setTimeout(r, wait))
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
  return wait
}

interface Check {
  sqliteIntegrity: string
  auditVerifyExit: number | null
  duckdbReads: boolean
  whole: boolean
  detail: string
}

async function check(dir: string, scenario: string, expectedCrimeRows: Map<string, number>): Promise<Check> {
  const sqlite = new Database(join(dir, 'safer.db'))
  const integrity = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>)
    .map((r) => r.integrity_check)
    .join(',')
  const count = (q: string) => (sqlite.prepare(q).get() as { n: number }).n
  let whole = true
  let detail = ''
  if (scenario === 'plan') {
    const partial = sqlite
      .prepare(
        `select p.id, (select count(*) from plan_themes t where t.plan_id = p.id) as themes,
           (select count(*) from deliverables d join plan_actions a on a.id = d.action_id join plan_themes t on t.id = a.theme_id where t.plan_id = p.id) as deliverables
         from plans p`,
      )
      .all() as Array<{ themes: number; deliverables: number }>
    const plans = partial.length
    const audited = count(`select count(*) as n from audit_log where action = 'plan.import'`)
    whole = partial.every((p) => p.themes === 8 && p.deliverables === 61) && plans === audited
    detail = `${plans} plans, ${audited} audited imports`
  } else if (scenario === 'progress') {
    const updates = count('select count(*) as n from deliverable_updates')
    const audited = count(`select count(*) as n from audit_log where action = 'deliverable.update-progress'`)
    whole = updates === audited
    detail = `${updates} updates, ${audited} audited`
  }
  sqlite.close()
  const verify = spawnSync(process.execPath, [join(ROOT, 'bin/safer.js'), 'audit', 'verify'], {
    env: env(dir),
    encoding: 'utf8',
  })
  let duckdbReads = false
  const deps = await createDeps(loadConfig(env(dir)))
  try {
    const coverage = await deps.services.crime.coverage()
    await deps.services.crime.isEmpty()
    duckdbReads = true
    if (scenario === 'crime') {
      const wrong = coverage.filter((c) => c.rows !== expectedCrimeRows.get(`${c.source}/${c.area}`))
      const history = await deps.services.crime.listIngests(1000)
      whole = wrong.length === 0
      detail = `${coverage.map((c) => `${c.source} ${c.rows}`).join(', ') || 'nothing loaded'}; ${history.length} ingests recorded`
    }
  } finally {
    deps.services.crime.close()
    await deps.database.close()
  }
  return { sqliteIntegrity: integrity, auditVerifyExit: verify.status, duckdbReads, whole, detail }
}

async function main() {
  // What a completed crime ingest of the fixtures holds: the "wholly present" figure.
  const baseline = mkdtempSync(join(tmpdir(), 'safer-crash-'))
  spawnSync(process.execPath, [join(ROOT, 'bin/safer.js'), 'migrate'], { env: env(baseline) })
  spawnSync(
    process.execPath,
    [join(ROOT, 'bin/safer.js'), 'crime', 'ingest', join(ROOT, 'test/fixtures/crime')],
    { env: env(baseline) },
  )
  const expected = new Map<string, number>()
  {
    const deps = await createDeps(loadConfig(env(baseline)))
    for (const c of await deps.services.crime.coverage()) expected.set(`${c.source}/${c.area}`, c.rows)
    deps.services.crime.close()
    await deps.database.close()
  }
  rmSync(baseline, { recursive: true, force: true })

  const results: Array<{ scenario: string; trial: number; killedAfterMs: number } & Check> = []
  for (const [scenario, maxMs] of [
    ['plan', 3000],
    ['crime', 4000],
    ['progress', 2000],
  ] as const) {
    for (let trial = 1; trial <= TRIALS; trial++) {
      const dir = mkdtempSync(join(tmpdir(), 'safer-crash-'))
      try {
        spawnSync(process.execPath, [join(ROOT, 'bin/safer.js'), 'migrate'], { env: env(dir) })
        const killedAfterMs = await killMidway(scenario, dir, maxMs)
        const result = { scenario, trial, killedAfterMs, ...(await check(dir, scenario, expected)) }
        results.push(result)
        const ok =
          result.sqliteIntegrity === 'ok' &&
          result.auditVerifyExit === 0 &&
          result.duckdbReads &&
          result.whole
        console.error(
          `${ok ? 'ok  ' : 'FAIL'} ${scenario} #${trial} killed after ${killedAfterMs} ms: ${result.detail}`,
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const failed = results.filter(
    (r) => !(r.sqliteIntegrity === 'ok' && r.auditVerifyExit === 0 && r.duckdbReads && r.whole),
  )
  const by = (s: string) => results.filter((r) => r.scenario === s)
  console.log(
    JSON.stringify(
      {
        trials: results.length,
        failed: failed.length,
        byScenario: Object.fromEntries(
          ['plan', 'crime', 'progress'].map((s) => [
            s,
            { trials: by(s).length, failed: by(s).filter((r) => failed.includes(r)).length },
          ]),
        ),
        failures: failed,
      },
      null,
      2,
    ),
  )
  process.exitCode = failed.length ? 1 : 0
}

await main()
