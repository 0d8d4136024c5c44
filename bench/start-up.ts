// How long a person waits for Safer to start: `safer --help` against bare Node, and the demo's first
// page after `npm start` on a fresh data folder, both from the build (dist/) and, for comparison,
// from the TypeScript through tsx as every start was before the build step.
//
//   npm run bench:start              7 runs of each command, 3 demo starts
//   npx tsx bench/start-up.ts --quick   3 runs of each command, 1 demo start, no cold tsx run
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load, machine, table } from './support/report.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin/safer.js')
const quick = process.argv.includes('--quick')
const RUNS = quick ? 3 : 7
const DEMO_STARTS = quick ? 1 : 3
const FIRST_PAGE_TIMEOUT_MS = 120_000

// The whole benchmark is bounded, whatever hangs.
setTimeout(() => {
  console.error('start-up benchmark: gave up after 15 minutes')
  process.exit(1)
}, 15 * 60_000).unref()

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Milliseconds from spawn to exit of one run; fails on a non-zero exit. */
function timeCommand(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now()
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' })
  const took = performance.now() - started
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return took
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200
  } catch {
    return false
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * `npm start` without npm in front: `safer serve --demo` on a fresh data folder and port, timed from
 * spawn until /sign-in answers 200. With `again`, a second start on the same folder, demo loaded.
 */
async function firstPage(
  env: NodeJS.ProcessEnv,
  again = false,
): Promise<{ first: number; restart?: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safer-start-'))
  const startOnce = async () => {
    const port = await freePort()
    const started = performance.now()
    const child = spawn(process.execPath, [BIN, 'serve', '--demo'], {
      env: {
        ...process.env,
        ...env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    try {
      while (!(await answers(`http://127.0.0.1:${port}/sign-in`))) {
        if (child.exitCode !== null) throw new Error(`safer serve --demo exited ${child.exitCode}`)
        if (performance.now() - started > FIRST_PAGE_TIMEOUT_MS) throw new Error('no first page within 120 s')
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return performance.now() - started
    } finally {
      await stop(child)
    }
  }
  try {
    const first = await startOnce()
    return { first, restart: again ? await startOnce() : undefined }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('No build: run `npm run build` first')
  // A stale build would be measured as the tsx fallback: refuse rather than report the wrong thing.
  const check = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })
  if (check.stderr.includes('npm run build'))
    throw new Error(`The build is out of date: ${check.stderr.trim()}`)

  const info = machine()
  console.log(`Node ${info.node}, ${info.cores} cores (${info.cpu}), ${info.platform}; load ${load()}`)

  const fromSource = { SAFER_FROM_SOURCE: '1' }
  const baseline = median(Array.from({ length: RUNS }, () => timeCommand(['-e', '0'])))
  const help = median(Array.from({ length: RUNS }, () => timeCommand([BIN, '--help'])))
  const unknown = Array.from({ length: RUNS }, () => {
    const started = performance.now()
    spawnSync(process.execPath, [BIN, 'no-such-command'])
    return performance.now() - started
  })
  timeCommand([BIN, '--help'], fromSource) // warms tsx's cache
  const sourceHelp = median(
    Array.from({ length: Math.min(RUNS, 3) }, () => timeCommand([BIN, '--help'], fromSource)),
  )
  // A fresh clone has an empty tsx cache: every file is compiled on the first run.
  let coldSourceHelp: number | undefined
  if (!quick) {
    const coldTmp = mkdtempSync(join(tmpdir(), 'safer-cold-tsx-'))
    coldSourceHelp = timeCommand([BIN, '--help'], { ...fromSource, TMPDIR: coldTmp })
    rmSync(coldTmp, { recursive: true, force: true })
  }
  console.log(`\nCommands (median of ${RUNS} runs; load ${load()})\n`)
  const rows = [
    ['node -e 0 (baseline)', seconds(baseline), '1.0×'],
    ['safer --help (dist/)', seconds(help), `${(help / baseline).toFixed(1)}×`],
    [
      'safer no-such-command (dist/)',
      seconds(median(unknown)),
      `${(median(unknown) / baseline).toFixed(1)}×`,
    ],
    [
      'safer --help (src/ via tsx, cache warm)',
      seconds(sourceHelp),
      `${(sourceHelp / baseline).toFixed(1)}×`,
    ],
  ]
  if (coldSourceHelp !== undefined)
    rows.push([
      'safer --help (src/ via tsx, cache cold)',
      seconds(coldSourceHelp),
      `${(coldSourceHelp / baseline).toFixed(1)}×`,
    ])
  console.log(table(['command', 'time', 'vs node -e 0'], rows))

  const firsts: number[] = []
  const restarts: number[] = []
  for (let i = 0; i < DEMO_STARTS; i++) {
    const { first, restart } = await firstPage({}, true)
    firsts.push(first)
    if (restart !== undefined) restarts.push(restart)
  }
  const sourceFirst = (await firstPage(fromSource)).first
  console.log(
    `\nDemo server: spawn until GET /sign-in answers 200 (median of ${DEMO_STARTS}; load ${load()})\n`,
  )
  console.log(
    table(
      ['start', 'first page', 'vs dist/ first start'],
      [
        ['fresh data folder, loads the demo (dist/)', seconds(median(firsts)), '1.0×'],
        [
          'same folder again, demo loaded (dist/)',
          seconds(median(restarts)),
          `${(median(restarts) / median(firsts)).toFixed(2)}×`,
        ],
        [
          'fresh data folder (src/ via tsx, cache warm)',
          seconds(sourceFirst),
          `${(sourceFirst / median(firsts)).toFixed(2)}×`,
        ],
      ],
    ),
  )
  console.log(`\nEvery first start: ${firsts.map(seconds).join(', ')}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
