import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'

const KEY_A = 'cli-audit-key-a-'.padEnd(44, 'a')
const KEY_B = 'cli-audit-key-b-'.padEnd(44, 'b')

describe('safer audit on a SQLite database', { timeout: 120_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-audit-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir, AUDIT_KEY: KEY_A }
    expect((await runCli(['demo'], env)).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses to start in production without AUDIT_KEY', async () => {
    const result = await runCli(['serve'], {
      ...env,
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      AUDIT_KEY: '',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'AUDIT_KEY must be set to at least 32 random characters when NODE_ENV=production',
    )
  })

  it('checkpoints, rotates the key, verifies across it, and names the gap when the newest entries are deleted', async () => {
    const checkpoint = await runCli(['audit', 'checkpoint'], env)
    expect(checkpoint.code).toBe(0)
    expect(checkpoint.stdout).toMatch(
      /Checkpoint written to .*audit-checkpoints.*: (\d+) entries ending at id \d+/,
    )

    const rotatedEnv = { ...env, AUDIT_KEY: KEY_B, AUDIT_PREVIOUS_KEYS: KEY_A }
    const rotated = await runCli(['audit', 'rotate-key'], rotatedEnv)
    expect(rotated.code).toBe(0)
    expect(rotated.stdout).toContain('now continues under AUDIT_KEY')

    const ok = await runCli(['audit', 'verify'], rotatedEnv)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Audit log intact: \d+ entries verified/)
    // The operator's checkpoint, the rotation's, and any the demo's own writes were due (every 100 entries).
    const checkpoints = join(dir, 'audit-checkpoints')
    const written = readdirSync(checkpoints)
      .map((f) => readFileSync(join(checkpoints, f), 'utf8').trim().split('\n').length)
      .reduce((a, b) => a + b, 0)
    expect(written).toBeGreaterThanOrEqual(2)
    expect(ok.stdout).toContain(`Matches all ${written} checkpoints`)

    const db = new SqliteDatabase(join(dir, 'safer.db'))
    const { n } = db.prepare('select count(*) n from audit_log').get() as { n: number }
    db.exec('drop trigger audit_log_no_delete')
    db.prepare('delete from audit_log where id > ?').run(n - 3)
    db.close()
    const bad = await runCli(['audit', 'verify'], rotatedEnv)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(
      new RegExp(
        `Audit log check FAILED: entries ${n - 2}–${n} are missing: the checkpoint of \\S+ records ${n} entries ending at id ${n}`,
      ),
    )
  })
})
