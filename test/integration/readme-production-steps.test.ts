import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin/safer.js')

/** The first sh block under the README's heading: the steps a council follows, exactly as printed. */
function readmeSteps(heading: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.split(`\n## ${heading}\n`)[1]
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1]
  if (!block) throw new Error(`README.md has no sh block under "## ${heading}"`)
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
}

/** Splits a command line as sh would for the quoting the README uses: "double", 'single' and bare words. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', fail)
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  await new Promise((closed) => server.close(closed))
  if (!address || typeof address === 'string') throw new Error('No port')
  return address.port
}

/** Starts `safer serve` and waits for the line saying where it listens. */
function serve(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((ready, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const read = (d: Buffer) => {
      output += d
      const url = output.match(/Safer is running at (http:\/\/\S+)/)?.[1]
      if (url) ready({ child, url: url.replace('localhost', '127.0.0.1'), output: () => output })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.on('error', fail)
    child.on('exit', (code) =>
      fail(new Error(`safer serve stopped (${code}) before it listened:\n${output}`)),
    )
  })
}

/** Cookies from a response, as a browser keeps them. */
function keepCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const at = pair?.indexOf('=') ?? -1
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1))
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

const PEOPLE_CSV =
  'Name,Organisation,Job title,Email\nHelen Lyons,MPS,Detective Superintendent,helen.lyons@met.example\nEleanor Kelly,LBS,Chief Executive,\n'

// Each step runs the real `safer` command, and the last one the real server: over two minutes on a busy machine.
describe.each(DIALECTS)('the README’s production steps on %s', { timeout: 600_000 }, (dialect) => {
  let database: TestDatabase
  let dir: string
  let server: ChildProcess | undefined

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dir = mkdtempSync(join(tmpdir(), 'safer-readme-'))
    writeFileSync(join(dir, 'people.csv'), PEOPLE_CSV)
  })
  afterAll(async () => {
    server?.kill('SIGTERM')
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('migrates an empty database, sets the partnership up with flags, and signs the administrator in over HTTP', async () => {
    const steps = readmeSteps('Setting up your partnership')
    // The database itself is made by the test: a file, or a PostgreSQL schema of its own.
    expect(steps[0]).toMatch(/^createuser .*createdb /)
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' }
    if (database.schema) env.PGOPTIONS = `-c search_path=${database.schema}`
    let password: string | undefined
    let adminEmail: string | undefined
    let signedIn = false
    for (const step of steps.slice(1)) {
      const words = shellWords(step)
      if (words[0] === 'export') {
        for (const assignment of words.slice(1)) {
          const [name, value] = assignment.split(/=(.*)/s) as [string, string]
          if (name === 'DATABASE_URL')
            env[name] = database.url.startsWith('sqlite:') ? `sqlite:${join(dir, 'safer.db')}` : database.url
          else if (value === '…') env[name] = randomBytes(32).toString('base64url')
          else env[name] = value
        }
        continue
      }
      expect(words.slice(0, 2), step).toEqual(['npx', 'safer'])
      const args = words.slice(2)
      if (args[0] === 'serve') {
        const started = await serve(args, { ...env, PORT: String(await freePort()) }, dir)
        server = started.child
        // Set up already, so the server prints no setup code.
        expect(started.output()).not.toContain('setup code')
        signedIn = await signIn(started.url, adminEmail as string, password as string)
        continue
      }
      const result = await run(args, env, dir)
      expect(result.code, `${step}\n${result.stderr}`).toBe(0)
      if (args[0] === 'setup') {
        // Not at a terminal, so the password is generated and printed once.
        password = result.stdout.match(/^Password: (\S+)$/m)?.[1]
        adminEmail = args[args.indexOf('--admin-email') + 1]
        expect(result.stdout).toContain('Safer is set up for')
      }
      if (args[0] === 'people' && !args.includes('--dry-run'))
        expect(result.stdout).toContain('Added 2 people.')
    }
    expect(env.NODE_ENV).toBe('production')
    expect(password).toBeDefined()
    expect(signedIn).toBe(true)
    // Everything went into this test's own database, not some other one the commands could reach.
    const handle = openDatabase(env.DATABASE_URL as string, { schema: database.schema })
    try {
      const partnership = await handle.db.selectFrom('partnership').select(['name', 'area_code']).execute()
      expect(partnership).toEqual([{ name: 'Safer Southwark Partnership', area_code: 'E09000028' }])
      const admins = await handle.db.selectFrom('users').select(['email', 'role']).execute()
      expect(admins).toEqual([{ email: adminEmail, role: 'admin' }])
    } finally {
      await handle.close()
    }
  })
})

/** Signs in through the sign-in form as a browser would, and reads the home page as the administrator. */
async function signIn(base: string, email: string, password: string): Promise<boolean> {
  const jar = new Map<string, string>()
  const form = await fetch(`${base}/sign-in`)
  expect(form.status).toBe(200)
  keepCookies(jar, form)
  const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: csrf, email, password, returnTo: '/' }).toString(),
  })
  expect(response.status).toBe(303)
  keepCookies(jar, response)
  // Production cookies: __Host- prefixed, so only ever sent back to this host over HTTPS by a browser.
  expect([...jar.keys()]).toContain('__Host-safer_session')
  const home = await fetch(`${base}/`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' })
  expect(home.status).toBe(200)
  const html = await home.text()
  expect(html).toContain('Your Name')
  expect(html).toContain('Users')
  return true
}
