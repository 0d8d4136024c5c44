import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/demo/load.ts'
import { runCli } from '../helpers/cli.ts'

// Each test runs the real CLI (about 2 s a start on an idle machine, far more under load).
describe('the safer command on a demo SQLite database', { timeout: 120_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let dbPath: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-cli-'))
    dbPath = join(dir, 'safer.db')
    env = { DATABASE_URL: `sqlite:${dbPath}` }
    const demo = await runCli(['demo'], env)
    expect(demo.code).toBe(0)
    expect(demo.stdout).toContain(DEMO_PASSWORD)
    expect(demo.stdout).toContain('admin@safer.example')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints help, and exits 2 on an unknown command', async () => {
    const help = await runCli(['--help'], env)
    expect(help.code).toBe(0)
    for (const name of [
      'serve',
      'migrate',
      'demo',
      'user add',
      'user list',
      'user disable',
      'user reset-password',
      'audit verify',
      'backup',
      'restore',
    ]) {
      expect(help.stdout).toContain(name)
    }
    const unknown = await runCli(['frobnicate'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown command: frobnicate')
  })

  it('adds a user with a generated password, lists and disables them', async () => {
    const added = await runCli(
      [
        'user',
        'add',
        '--email',
        'Jo.Analyst@Southwark.example',
        '--name',
        'Jo Analyst',
        '--organisation',
        'LBS',
        '--role',
        'analyst',
      ],
      env,
    )
    expect(added.code).toBe(0)
    expect(added.stdout).toMatch(/Password: \S{20}/)
    const list = await runCli(['user', 'list', '--json'], env)
    const users = JSON.parse(list.stdout) as Array<{ email: string; role: string; disabled: boolean }>
    expect(users).toContainEqual({
      email: 'jo.analyst@southwark.example',
      name: 'Jo Analyst',
      role: 'analyst',
      organisation: 'LBS',
      disabled: false,
    })
    const disabled = await runCli(['user', 'disable', 'jo.analyst@southwark.example'], env)
    expect(disabled.code).toBe(0)
    const after = JSON.parse((await runCli(['user', 'list', '--json'], env)).stdout) as typeof users
    expect(after.find((u) => u.email === 'jo.analyst@southwark.example')?.disabled).toBe(true)
  })

  it('refuses a weak piped password and a bad role, naming the field, and creates nothing', async () => {
    const weak = await runCli(
      [
        'user',
        'add',
        '--email',
        'weak@x.example',
        '--name',
        'Weak',
        '--organisation',
        'MPS',
        '--role',
        'viewer',
        '--password-stdin',
      ],
      env,
      'password1234\n',
    )
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('password: Password is too common')
    const role = await runCli(
      [
        'user',
        'add',
        '--email',
        'r@x.example',
        '--name',
        'R',
        '--organisation',
        'MPS',
        '--role',
        'superuser',
      ],
      env,
    )
    expect(role.code).toBe(1)
    expect(role.stderr).toContain('role: Select a role')
    const missing = await runCli(['user', 'add', '--email', 'r@x.example'], env)
    expect(missing.code).toBe(2)
    const list = JSON.parse((await runCli(['user', 'list', '--json'], env)).stdout) as Array<{
      email: string
    }>
    expect(list.map((u) => u.email)).not.toContain('weak@x.example')
    expect(list.map((u) => u.email)).not.toContain('r@x.example')
  })

  it('resets a password from stdin', async () => {
    const reset = await runCli(
      ['user', 'reset-password', 'viewer@safer.example', '--password-stdin'],
      env,
      'lantern walnut river\n',
    )
    expect(reset.code).toBe(0)
    expect(reset.stdout).toContain('New password set for viewer@safer.example')
  })

  it('backs up while in use, and restore refuses a file that is not a Safer database', async () => {
    const backup = join(dir, 'backup.db')
    const made = await runCli(['backup', backup], env)
    expect(made.code).toBe(0)
    expect(existsSync(backup)).toBe(true)
    const live = new SqliteDatabase(dbPath, { readonly: true })
    expect(live.prepare("select count(*) n from audit_log where action = 'database.backup'").get()).toEqual({
      n: 1,
    })
    live.close()
    const copy = new SqliteDatabase(backup, { readonly: true })
    expect((copy.prepare('select count(*) n from users').get() as { n: number }).n).toBeGreaterThanOrEqual(7)
    copy.close()

    const notSafer = join(dir, 'other.db')
    new SqliteDatabase(notSafer).exec('create table t (x)')
    const refused = await runCli(['restore', notSafer], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('is not a Safer backup')

    const restored = await runCli(['restore', backup], env)
    expect(restored.code).toBe(0)
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0)
  })

  it('verifies the audit log, and fails naming the entry after a row is edited by hand', async () => {
    const ok = await runCli(['audit', 'verify'], env)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Audit log intact: \d+ entries verified/)

    // What someone with the database file could do: drop the guard and rewrite history.
    const db = new SqliteDatabase(dbPath)
    db.exec('drop trigger audit_log_no_update')
    db.prepare("update audit_log set actor = 'someone else' where id = 3").run()
    db.close()

    const bad = await runCli(['audit', 'verify'], env)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('Audit log check FAILED at entry 3')
    expect(bad.stderr).toContain('altered')
  })
})
