// Benchmark: the plan page of a 1,000-deliverable plan under 20 concurrent signed-in sessions,
// against a static file of exactly the same bytes served by the same app, in the same run.
// See docs/benchmarks.md.
//
//   npx tsx bench/plan-page.ts [--deliverables 1000] [--quick]
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { signIn, startAppServer } from './support/app-server.ts'
import { runLoad } from './support/cannon.ts'
import { bytes, cpuTimeMs, load, machine, ms, table } from './support/report.ts'

const { values } = parseArgs({ options: { deliverables: { type: 'string' }, quick: { type: 'boolean' } } })
const DELIVERABLES = Number(values.deliverables ?? 1000)
const SESSIONS = 20
const WARMUP_S = values.quick ? 1 : 2
const DURATION_S = values.quick ? 3 : 10
const HARD_LIMIT_MS = 5 * 60_000
setTimeout(() => {
  console.error('Stopped: the benchmark ran past its time limit')
  process.exit(2)
}, HARD_LIMIT_MS).unref()

const server = await startAppServer({ planDeliverables: DELIVERABLES })
try {
  const m = machine()
  console.log(`Plan page: ${DELIVERABLES} deliverables, ${SESSIONS} sessions. Node ${m.node}, ${m.cpu} × ${m.cores}. ${load()}`)
  const cookies = await Promise.all(Array.from({ length: SESSIONS }, () => signIn(server.origin, server.email, server.password)))
  const pageUrl = `${server.origin}/plans/${server.planId}`
  const page = await fetch(pageUrl, { headers: { cookie: cookies[0] as string } })
  const html = Buffer.from(await page.arrayBuffer())
  if (page.status !== 200 || !html.includes('deliverable')) throw new Error(`GET /plans/${server.planId} answered ${page.status}`)
  writeFileSync(join(server.staticDir, 'plan.html'), html)
  const staticUrl = `${server.origin}/bench-static/plan.html`
  const copy = Buffer.from(await (await fetch(staticUrl)).arrayBuffer())
  if (!copy.equals(html)) throw new Error(`The static copy does not match the page (${copy.length} bytes against ${html.length}): ${copy.subarray(0, 200)}`)

  const rows: string[][] = []
  const results = []
  for (const [label, url] of [['plan page', pageUrl], ['static copy', staticUrl]] as const) {
    await runLoad(url, { connections: SESSIONS, seconds: WARMUP_S, cookies })
    const cpuBefore = cpuTimeMs(server.pid)
    const r = await runLoad(url, { connections: SESSIONS, seconds: DURATION_S, cookies })
    const cpuAfter = cpuTimeMs(server.pid)
    // The app's own CPU time for each response: what it costs, however long it waited for a core.
    const cpuPerRequest = cpuBefore === null || cpuAfter === null || r.responses === 0 ? 'n/a' : ms((cpuAfter - cpuBefore) / r.responses)
    results.push(r)
    rows.push([label, bytes(html.length), r.requestsPerSecond.toFixed(0), ms(r.p50), ms(r.p95), ms(r.p99), `${bytes(r.bytesPerSecond)}/s`, cpuPerRequest, `${r.non2xx + r.errors}`])
  }
  console.log(table(['target', 'size', 'req/s', 'p50', 'p95', 'p99', 'throughput', 'app CPU/request', 'failed'], rows))
  const [pageResult, staticResult] = results as [(typeof results)[number], (typeof results)[number]]
  console.log(
    `Plan page / static: ${(pageResult.requestsPerSecond / staticResult.requestsPerSecond).toFixed(2)}× the requests per second, ${(pageResult.p95 / staticResult.p95).toFixed(1)}× the p95. ${load()}`,
  )
} finally {
  await server.stop()
}
