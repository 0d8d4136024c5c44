// Benchmark: the signed-in home page against a static file of about the same size, served by
// the same running app. See docs/benchmarks.md.
//
//   npx tsx bench/home-page.ts            20 connections, 2 s warm-up + 10 s per target
//   npx tsx bench/home-page.ts --quick    20 connections, 1 s warm-up + 3 s per target
//
// Loopback only (127.0.0.1), a fresh temporary SQLite database, and a bounded run: the process
// stops by itself and removes its database.
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import autocannon from 'autocannon'
import nunjucks from 'nunjucks'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createDeps } from '../src/deps.ts'
import { GOVUK_DIST, SRC_DIR } from '../src/web/nunjucks.ts'
import { type AppServer, signIn, startAppServer } from './support/app-server.ts'
import { bytes, load, machine, ms, percentile, table } from './support/report.ts'

const quick = process.argv.includes('--quick')
const CONNECTIONS = 20
const WARMUP_S = quick ? 1 : 2
const DURATION_S = quick ? 3 : 10
const IN_PROCESS_REQUESTS = quick ? 300 : 2000
// The whole run, setup and teardown included, never takes longer than this.
const HARD_LIMIT_MS = (quick ? 2 : 5) * 60_000

// The same roots, in the same order, as src/http/static-assets.ts (the first root holding a path wins),
// and the same extensions. The chosen file is fetched before the run, so a drift here shows up as an error.
const STATIC_ROOTS = [
  resolve(GOVUK_DIST, 'govuk/assets'),
  resolve(GOVUK_DIST, 'govuk'),
  resolve(SRC_DIR, 'web/assets'),
]
const SERVED = /\.(css|js|mjs|woff2?|png|svg|ico|json)$/
// Candidates for the comparison: what a page makes a browser fetch. The .json files the plugin also serves
// from the govuk root are GOV.UK Frontend's component fixtures and macro options, not page assets.
const COMPARABLE = /\.(css|js|mjs|woff2?|png|svg|ico)$/

interface Target {
  label: string
  path: string
  /** Response body size in bytes. */
  size: number
  /** Static files only: which of STATIC_ROOTS holds it (the plugin tries the roots in order). */
  root?: number
}

interface Measured {
  target: Target
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  /** autocannon's own figure, from its whole-millisecond histogram; printed as a cross-check. */
  autocannonP97_5: number
  bytesPerSecond: number
  responses: number
  non2xx: number
  errors: number
  timeouts: number
}

/** Every page asset the static plugin would serve, with its URL and the index of the root it comes from. */
function staticFiles(): Array<{ path: string; size: number; root: number }> {
  const seen = new Map<string, { size: number; root: number }>()
  const walk = (root: string, dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(root, full)
      else if (SERVED.test(entry.name) && COMPARABLE.test(entry.name)) {
        const url = `/assets/${relative(root, full).split(sep).join('/')}`
        if (!seen.has(url)) seen.set(url, { size: statSync(full).size, root: STATIC_ROOTS.indexOf(root) })
      }
    }
  }
  for (const root of STATIC_ROOTS) walk(root, root)
  return [...seen].map(([path, file]) => ({ path, ...file }))
}

/** The served file closest in size to `size` bytes. */
function nearestStatic(size: number): Target {
  const files = staticFiles().sort((a, b) => Math.abs(a.size - size) - Math.abs(b.size - size))
  const best = files[0]
  if (!best) throw new Error('No static files found under the asset roots')
  return {
    label: `static ${best.path.slice('/assets/'.length)}`,
    path: best.path,
    size: best.size,
    root: best.root,
  }
}

async function fetchBody(url: string, cookie?: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) }
}

function cannon(url: string, cookie: string, seconds: number, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: { cookie } },
      (error, result) => (error ? rejectRun(error) : resolveRun(result)),
    )
    if (onLatency) {
      // autocannon emits (client, statusCode, resBytes, responseTime in ms from hrtime); the bundled
      // types leave out the client, so take the last three arguments.
      instance.on('response', (...args: unknown[]) => {
        const [statusCode, , responseTime] = args.slice(-3) as [number, number, number]
        if (statusCode >= 200 && statusCode < 300) onLatency(responseTime)
      })
    }
  })
}

async function measure(origin: string, cookie: string, target: Target): Promise<Measured> {
  const url = `${origin}${target.path}`
  process.stdout.write(`  ${target.label}: warm-up ${WARMUP_S} s… `)
  await cannon(url, cookie, WARMUP_S)
  process.stdout.write(`measuring ${DURATION_S} s (load ${load()})… `)
  const latencies: number[] = []
  const result = await cannon(url, cookie, DURATION_S, (latency) => latencies.push(latency))
  const sorted = Float64Array.from(latencies).sort()
  console.log('done')
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    autocannonP97_5: result.latency.p97_5,
    bytesPerSecond: result.throughput.average,
    responses: sorted.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/**
 * Where a home page request's time goes, without the network: the same app in this process,
 * one request at a time through app.inject, timing the session lookup and the Nunjucks render.
 */
async function breakdown(server: AppServer, cookie: string, staticPath: string) {
  const deps = await createDeps(loadConfig(server.env), { migrate: false })
  const timers = { session: 0, render: 0 }
  const auth = deps.services.auth
  const resolveSession = auth.resolveSession
  auth.resolveSession = async (sessionId) => {
    const start = performance.now()
    try {
      return await resolveSession(sessionId)
    } finally {
      timers.session += performance.now() - start
    }
  }
  const proto = nunjucks.Environment.prototype as unknown as { render: (...args: unknown[]) => unknown }
  const render = proto.render
  proto.render = function timedRender(this: unknown, ...args: unknown[]) {
    const start = performance.now()
    try {
      return render.apply(this, args)
    } finally {
      timers.render += performance.now() - start
    }
  }
  const { app } = await createApp(deps)
  const run = async (url: string, n: number) => {
    const start = performance.now()
    for (let i = 0; i < n; i++) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } })
      if (response.statusCode !== 200) throw new Error(`In-process GET ${url}: ${response.statusCode}`)
    }
    return performance.now() - start
  }
  try {
    await run('/', IN_PROCESS_REQUESTS / 4)
    await run(staticPath, IN_PROCESS_REQUESTS / 4)
    timers.session = 0
    timers.render = 0
    const home = await run('/', IN_PROCESS_REQUESTS)
    const session = timers.session
    const rendering = timers.render
    const asset = await run(staticPath, IN_PROCESS_REQUESTS)
    const per = (total: number) => (total / IN_PROCESS_REQUESTS) * 1000
    return { home: per(home), session: per(session), render: per(rendering), static: per(asset) }
  } finally {
    proto.render = render
    await app.close()
    await deps.database.close()
  }
}

async function main() {
  const info = machine()
  console.log(`Safer benchmark: signed-in home page vs a static file${quick ? ' (--quick)' : ''}`)
  console.log(`Node ${info.node} on ${info.platform}`)
  console.log(`CPU ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB memory`)
  console.log(`Load average before start (1/5/15 min): ${load()}`)
  console.log(
    `${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured per target, loopback only\n`,
  )

  const server = await startAppServer({ role: 'admin' })
  try {
    const cookie = await signIn(server.origin, server.email, server.password)
    const home = await fetchBody(`${server.origin}/`, cookie)
    if (home.status !== 200 || !home.body.includes('Hello, '))
      throw new Error(`GET / signed in: ${home.status}`)
    const homeTarget: Target = { label: 'home (GET /, signed in)', path: '/', size: home.body.length }
    const staticTarget = nearestStatic(home.body.length)
    const asset = await fetchBody(`${server.origin}${staticTarget.path}`, cookie)
    if (asset.status !== 200 || asset.body.length !== staticTarget.size) {
      throw new Error(
        `GET ${staticTarget.path}: ${asset.status}, ${asset.body.length} bytes (expected ${staticTarget.size})`,
      )
    }
    console.log(
      `App at ${server.origin} (NODE_ENV=production, SQLite in a temp dir), signed in as an administrator`,
    )
    console.log(
      `Home page body ${home.body.length} B; closest-sized static file ${staticTarget.path}, ${staticTarget.size} B\n`,
    )

    const results = [
      await measure(server.origin, cookie, homeTarget),
      await measure(server.origin, cookie, staticTarget),
    ]

    console.log('\nResults (latency percentiles are exact, over every 2xx response in the measured window)\n')
    console.log(
      table(
        [
          'target',
          'body',
          'req/s',
          'p50',
          'p95',
          'p99',
          'ac p97.5',
          'throughput',
          'responses',
          'non-2xx',
          'errors',
        ],
        results.map((r) => [
          r.target.label,
          bytes(r.target.size),
          r.requestsPerSecond.toFixed(0),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          `${r.autocannonP97_5} ms`,
          `${bytes(r.bytesPerSecond)}/s`,
          String(r.responses),
          String(r.non2xx),
          String(r.errors + r.timeouts),
        ]),
      ),
    )
    const [h, s] = results as [Measured, Measured]
    console.log(
      `\nhome / static: req/s ${(h.requestsPerSecond / s.requestsPerSecond).toFixed(2)}×, p95 ${(h.p95 / s.p95).toFixed(2)}×`,
    )
    console.log(`Load average after the runs (1/5/15 min): ${load()}`)
    const failures = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    if (failures.length > 0) {
      console.log(
        `\nWARNING: non-2xx responses or errors in ${failures.map((r) => r.target.label).join(', ')}: figures are suspect`,
      )
      process.exitCode = 1
    }

    console.log(
      `\nIn-process breakdown (app.inject, one request at a time, ${IN_PROCESS_REQUESTS} requests, no network):`,
    )
    const b = await breakdown(server, cookie, staticTarget.path)
    const rest = b.home - b.session - b.render
    console.log(
      table(
        ['per request', 'µs', 'share of home'],
        [
          ['home: whole request', b.home.toFixed(0), '100%'],
          [
            '  session lookup (resolveSession)',
            b.session.toFixed(0),
            `${((b.session / b.home) * 100).toFixed(0)}%`,
          ],
          ['  Nunjucks render', b.render.toFixed(0), `${((b.render / b.home) * 100).toFixed(0)}%`],
          [
            '  everything else (Fastify, helmet, CSRF token, inject)',
            rest.toFixed(0),
            `${((rest / b.home) * 100).toFixed(0)}%`,
          ],
          ['static: whole request', b.static.toFixed(0), `${((b.static / b.home) * 100).toFixed(0)}%`],
        ],
      ),
    )
    console.log(
      '\nNotes: req/s and throughput are autocannon means of per-second samples; throughput counts headers too.' +
        '\n"ac p97.5" is autocannon\'s latency.p97_5, which records whole milliseconds; it has no p95.',
    )
  } finally {
    await server.stop()
  }
}

const watchdog = setTimeout(() => {
  console.error(`Benchmark still running after ${HARD_LIMIT_MS / 1000} s: giving up`)
  process.exit(1)
}, HARD_LIMIT_MS)
watchdog.unref()

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => {
    // Everything is closed by now; if a stray handle keeps the process alive, leave anyway.
    setTimeout(() => process.exit(), 2000).unref()
  })
