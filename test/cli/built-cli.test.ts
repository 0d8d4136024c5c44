import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandCatalogue } from '../../src/cli/commands.ts'
import { MODULES } from '../../src/modules/index.ts'
import { runCli } from '../helpers/cli.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const DIST = join(ROOT, 'dist')
// The other CLI tests run src/ (SAFER_FROM_SOURCE=1); these run what `npm install` builds.
const BUILT = { SAFER_FROM_SOURCE: '' }

describe('the built safer command (dist/)', { timeout: 180_000 }, () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'safer-built-'))
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(build.status, build.stderr).toBe(0)
  }, 180_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('answers --help from the build, listing every command the modules declare', async () => {
    const help = await runCli(['--help'], BUILT)
    expect(help.code).toBe(0)
    expect(help.stderr).toBe('')
    for (const { name, summary } of commandCatalogue()) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}${name} +`, 'm'))
      expect(help.stdout).toContain(summary)
    }
    const unknown = await runCli(['frobnicate'], BUILT)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown command: frobnicate')
  })

  it('writes the catalogue help reads from the same descriptors as the TypeScript', () => {
    const built = JSON.parse(readFileSync(join(DIST, 'cli/commands.json'), 'utf8'))
    expect(built).toEqual(JSON.parse(JSON.stringify(commandCatalogue())))
  })

  it('migrates a new SQLite database, then finds it up to date', async () => {
    const env = { ...BUILT, DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
    const first = await runCli(['migrate'], env)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toBe('')
    const names = MODULES.flatMap((m) => Object.keys(m.migrations ?? {}))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(first.stdout).toContain(name)
    const again = await runCli(['migrate'], env)
    expect(again.stdout.trim()).toBe('The database is up to date.')
  })

  it('serves pages, templates and assets from dist/ as from src/', () => {
    // The app built from dist/, asked for a page (templates: the setup page, as the database is empty), a stylesheet (assets) and the health check.
    const script = `
      const { loadConfig } = await import(${JSON.stringify(join(DIST, 'config.js'))})
      const { createDeps } = await import(${JSON.stringify(join(DIST, 'deps.js'))})
      const { createApp } = await import(${JSON.stringify(join(DIST, 'app.js'))})
      const { migrateToLatest } = await import(${JSON.stringify(join(DIST, 'db/migrate.js'))})
      const deps = await createDeps(loadConfig())
      await migrateToLatest(deps.database.db, deps.database.dialect)
      const { app } = await createApp(deps)
      const answers = {}
      for (const url of ['/setup', '/assets/safer.css', '/health']) {
        const response = await app.inject({ url })
        answers[url] = { status: response.statusCode, body: response.body.slice(0, 20000) }
      }
      await app.close()
      await deps.database.close()
      console.log(JSON.stringify(answers))
      process.exit(0)
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: join(dir, 'served') },
    })
    expect(run.status, run.stderr).toBe(0)
    const answers = JSON.parse(run.stdout) as Record<string, { status: number; body: string }>
    // An empty installation opens on its setup page.
    expect(answers['/setup']?.status).toBe(200)
    expect(answers['/setup']?.body).toContain('govuk-template')
    expect(answers['/assets/safer.css']?.status).toBe(200)
    expect(answers['/health']?.status).toBe(200)
  })

  it('falls back to the TypeScript, saying how to build, when src/ is newer than the build', async () => {
    const stamp = join(DIST, 'build-stamp.json')
    const saved = readFileSync(stamp, 'utf8')
    try {
      writeFileSync(stamp, JSON.stringify({ started: 0 }))
      const help = await runCli(['--help'], BUILT)
      expect(help.code).toBe(0)
      expect(help.stderr).toContain('src/ has changed since dist/ was built')
      expect(help.stderr).toContain('npm run build')
      expect(help.stdout).toContain('Usage: safer COMMAND')
    } finally {
      writeFileSync(stamp, saved)
    }
  })
})
