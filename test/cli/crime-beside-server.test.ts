import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createDeps } from '../../src/deps.ts'
import { runCli } from '../helpers/cli.ts'
import { REPOSITORY_CRIME_DATA as DATA } from '../helpers/crime-data.ts'

// The command line beside a running web server: the server holds the analytics store (DuckDB lets
// one process write it), so `safer crime …` sends the command to the server's operator channel and
// prints the same answer, with the same exit code, as it gives with no server running.

const BIN = resolve(import.meta.dirname, '../../bin/safer.js')
const COUNTS = [
  'crime',
  'counts',
  '--source',
  'police-uk',
  '--area',
  'City of London Police',
  '--area-type',
  'force',
  '--from',
  '2024-01',
  '--to',
  '2024-03',
  '--by',
  'month',
  '--json',
]

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return port
}

/** Resolves once `check` holds, checking every 200 ms: how long the machine takes does not matter. */
async function until(check: () => boolean, what: string, limitMs = 150_000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`Gave up waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('the safer crime commands beside a running server', { timeout: 300_000 }, () => {
  let alone: string
  let served: string
  let server: ChildProcess | null = null
  const env = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` })
  const presence = () => join(served, 'analytics.duckdb.server.json')
  let without: { ingest: string; counts: string }

  beforeAll(async () => {
    alone = mkdtempSync(join(tmpdir(), 'safer-alone-'))
    served = mkdtempSync(join(tmpdir(), 'safer-served-'))
    // The answers with no server running.
    const ingest = await runCli(['crime', 'ingest', DATA.cityOfLondon, '--json'], env(alone))
    expect(ingest.code).toBe(0)
    const counts = await runCli(COUNTS, env(alone))
    expect(counts.code).toBe(0)
    without = { ingest: ingest.stdout, counts: counts.stdout }

    // A migrated database, then the server on it.
    expect((await runCli(['migrate'], env(served))).code).toBe(0)
    const port = await freePort()
    server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ...env(served), PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      stdio: 'ignore',
    })
    await until(() => existsSync(presence()), 'the server to start')
  }, 300_000)

  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL')
    rmSync(alone, { recursive: true, force: true })
    rmSync(served, { recursive: true, force: true })
  })

  it('announces itself beside the store, readable by its own account only', () => {
    const note = JSON.parse(readFileSync(presence(), 'utf8'))
    expect(note).toMatchObject({
      pid: server?.pid,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    })
    expect(note.secret.length).toBeGreaterThanOrEqual(40)
    expect(statSync(presence()).mode & 0o777).toBe(0o600)
  })

  it('ingests and counts through the server, with the same answers as without it', async () => {
    const ingest = await runCli(['crime', 'ingest', DATA.cityOfLondon, '--json'], env(served))
    expect(ingest.stderr).toBe('')
    expect(ingest.code).toBe(0)
    expect(JSON.parse(ingest.stdout)).toEqual(JSON.parse(without.ingest))
    const counts = await runCli(COUNTS, env(served))
    expect(counts.code).toBe(0)
    expect(JSON.parse(counts.stdout)).toEqual(JSON.parse(without.counts))
  })

  it('gives the same exit codes and messages for mistakes', async () => {
    const missing = await runCli(['crime', 'ingest', join(served, 'nowhere')], env(served))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nowhere: no such file or folder')
    const unknown = await runCli(
      ['crime', 'counts', '--area', 'Atlantis', '--source', 'police-uk'],
      env(served),
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('area: No area called "Atlantis"')
    const typo = await runCli(['crime', 'counts', '--sauce', 'police-uk'], env(served))
    expect(typo.code).toBe(2)
  })

  it('refuses a command sent without the secret, and runs nothing', async () => {
    const note = JSON.parse(readFileSync(presence(), 'utf8'))
    for (const authorization of ['', 'Bearer wrong', `Bearer ${note.secret}x`]) {
      const response = await fetch(`${note.url}/commands`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
        body: JSON.stringify({ command: 'crime ingest', args: [DATA.btp], operator: 'cli:intruder' }),
      })
      expect(response.status).toBe(401)
    }
  })

  it('ignores the note of a server that has died, and opens the store itself', async () => {
    server?.kill('SIGKILL')
    await until(() => server?.exitCode !== null || server?.signalCode !== null, 'the server to stop')
    expect(existsSync(presence())).toBe(true)
    const counts = await runCli(COUNTS, env(served))
    expect(counts.stderr).toBe('')
    expect(counts.code).toBe(0)
    expect(JSON.parse(counts.stdout)).toEqual(JSON.parse(without.counts))
    // The loads through the server were recorded as the operator's, and never the intruder's.
    const deps = await createDeps(loadConfig({ ...env(served), LOG_LEVEL: 'silent' }))
    try {
      const history = await deps.services.crime.listIngests(100)
      expect(history.length).toBeGreaterThan(0)
      expect(history.every((h) => h.actor.startsWith('cli:') && h.actor !== 'cli:intruder')).toBe(true)
      expect(history.some((h) => h.file_name.includes('btp'))).toBe(false)
      // Loaded by the server, from the copies the command line sent it.
      expect(history.every((h) => h.path.includes(`${join('uploads', 'crime-forward-')}`))).toBe(true)
    } finally {
      await deps.close()
    }
  })
})
