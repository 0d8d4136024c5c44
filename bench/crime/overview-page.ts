import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { signIn, startAppServer } from '../support/app-server.ts'
import { runLoad } from '../support/cannon.ts'
import { bytes, load, ms, table } from '../support/report.ts'

// The crime overview page over the benchmark's store, served by the real app in its own process:
// its first view (nothing cached, the store opened on first use), a second view, then 20 signed-in
// connections against a static file of exactly the same bytes, as the plan page benchmark does.

const SESSIONS = 20

export async function overviewPageBenchmark(
  dataDir: string,
  query: string,
  options: { quick?: boolean } = {},
) {
  const warmup = options.quick ? 1 : 2
  const seconds = options.quick ? 3 : 10
  const server = await startAppServer({ dataDir })
  try {
    const cookies = await Promise.all(
      Array.from({ length: SESSIONS }, () => signIn(server.origin, server.email, server.password)),
    )
    const pageUrl = `${server.origin}/crime?${query}`
    const view = async () => {
      const start = performance.now()
      const response = await fetch(pageUrl, { headers: { cookie: cookies[0] as string } })
      const html = Buffer.from(await response.arrayBuffer())
      if (response.status !== 200)
        throw new Error(`GET /crime?${query} answered ${response.status}: ${html.subarray(0, 300)}`)
      return { html, ms: performance.now() - start }
    }
    const first = await view()
    const second = await view()
    console.log(
      `\nOverview page (/crime?${query}): first view ${ms(first.ms)}, second ${ms(second.ms)}, ${bytes(first.html.length)} (${load()})`,
    )
    writeFileSync(join(server.staticDir, 'overview.html'), first.html)
    const staticUrl = `${server.origin}/bench-static/overview.html`
    const rows: string[][] = []
    const results = []
    for (const [label, url] of [
      ['overview page', pageUrl],
      ['static copy', staticUrl],
    ] as const) {
      await runLoad(url, { connections: SESSIONS, seconds: warmup, cookies })
      const r = await runLoad(url, { connections: SESSIONS, seconds, cookies })
      results.push(r)
      rows.push([
        label,
        r.requestsPerSecond.toFixed(0),
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        `${r.non2xx + r.errors}`,
      ])
    }
    console.log(table(['target', 'req/s', 'p50', 'p95', 'p99', 'failed'], rows))
    const [page, file] = results as [(typeof results)[number], (typeof results)[number]]
    console.log(
      `Overview / static: ${(page.requestsPerSecond / file.requestsPerSecond).toFixed(2)}× the requests per second, ${(page.p95 / file.p95).toFixed(1)}× the p95 (${load()})`,
    )
    return { firstMs: first.ms, secondMs: second.ms, page, file }
  } finally {
    await server.stop()
  }
}
