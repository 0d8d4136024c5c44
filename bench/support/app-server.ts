import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What serve.ts sends once it is listening. */
export interface ServerReady {
  type: 'ready'
  origin: string
  email: string
  password: string
  /** With BENCH_PLAN_DELIVERABLES: the generated plan's id. */
  planId?: number
  /** A folder the app serves under /bench-static/. */
  staticDir: string
}

export interface AppServer {
  /** http://127.0.0.1:<port> */
  origin: string
  email: string
  password: string
  /** The environment the server's config was loaded from: the same config opens the same database. */
  env: NodeJS.ProcessEnv
  /** With planDeliverables: the generated plan's id. */
  planId?: number
  /** A folder the app serves under /bench-static/. */
  staticDir: string
  /** The app's process id: benchmarks read its CPU time, which a busy machine does not inflate the way it does latency. */
  pid: number
  stop(): Promise<void>
}

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url))
const START_TIMEOUT_MS = 60_000

/**
 * The real app in its own process (so the load generator does not share its event loop),
 * production-like: NODE_ENV=production, a real session secret, quiet logs, a fresh SQLite file.
 * Cookies are not Secure, because the benchmark speaks plain HTTP on loopback.
 */
export async function startAppServer(
  options: {
    role?: string
    planDeliverables?: number
    /** An existing data folder (kept afterwards): its analytics store is served. */
    dataDir?: string
  } = {},
): Promise<AppServer> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'safer-bench-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    AUDIT_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    TRUST_PROXY: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    // The analytics store is the DuckDB file beside the SQLite database.
    DATABASE_URL: `sqlite:${join(dir, options.dataDir ? 'bench-server.db' : 'safer.db')}`,
    DATA_DIR: dir,
    HOST: '127.0.0.1',
  }
  const childEnv = {
    ...env,
    BENCH_USER_EMAIL: 'bench@bench.example',
    BENCH_USER_PASSWORD: `correct-horse-${randomBytes(12).toString('hex')}`,
    BENCH_USER_ROLE: options.role ?? 'admin',
    BENCH_PLAN_DELIVERABLES: String(options.planDeliverables ?? 0),
  }
  // process.execArgv carries tsx's loader, so the child runs TypeScript too.
  const child = fork(SERVE, [], {
    env: childEnv,
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const cleanup = () => {
    if (!options.dataDir) rmSync(dir, { recursive: true, force: true })
  }

  let ready: ServerReady
  try {
    ready = await waitForReady(child)
  } catch (error) {
    child.kill('SIGKILL')
    cleanup()
    throw error
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send('stop')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    cleanup()
  }
  return {
    origin: ready.origin,
    email: ready.email,
    password: ready.password,
    env,
    planId: ready.planId,
    staticDir: ready.staticDir,
    pid: child.pid as number,
    stop,
  }
}

function waitForReady(child: ChildProcess): Promise<ServerReady> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The app did not start within 60 s')), START_TIMEOUT_MS)
    child.once('message', (message) => {
      clearTimeout(timer)
      const m = message as Partial<ServerReady>
      if (m.type === 'ready') resolve(m as ServerReady)
      else reject(new Error(`Unexpected message from the app: ${JSON.stringify(message)}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The app exited with code ${code} before it was ready`))
    })
  })
}

/** Cookie name → value from the Set-Cookie headers of a response. */
function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>()
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? ''
    const eq = pair.indexOf('=')
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  return jar
}

/**
 * Signs in over HTTP the way a browser does: GET /sign-in for the CSRF cookie and hidden field,
 * POST the form, keep the session cookie. Returns the Cookie header to send with later requests.
 */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${origin}/sign-in`)
  const html = await form.text()
  const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1]
  if (form.status !== 200 || !csrf)
    throw new Error(`GET /sign-in: ${form.status}, CSRF field ${csrf ? 'found' : 'missing'}`)
  const jar = cookiesOf(form)
  if (!jar.has('safer_csrf')) throw new Error('GET /sign-in set no safer_csrf cookie')

  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  })
  await response.arrayBuffer()
  for (const [k, v] of cookiesOf(response)) jar.set(k, v)
  if (response.status !== 303 || !jar.has('safer_session')) {
    throw new Error(
      `POST /sign-in: ${response.status}, session cookie ${jar.has('safer_session') ? 'set' : 'missing'}`,
    )
  }
  return header()
}
