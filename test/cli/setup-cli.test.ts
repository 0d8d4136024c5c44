import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

const PASSWORD = 'amber-kettle-orchard-lamp'

const FLAGS = [
  '--partnership-name',
  'Safer Southwark Partnership',
  '--area-code',
  'E09000028',
  '--organisation',
  'LBS=London Borough of Southwark (council)',
  '--organisation',
  'CCG=Southwark Clinical Commissioning Group (CCG)',
  '--admin-email',
  'ada@southwark.example',
  '--admin-name',
  'Ada Administrator',
  '--admin-organisation',
  'LBS',
  '--password-stdin',
]

/** The flags with one of them changed. */
const withFlag = (flag: string, value: string) => FLAGS.map((v, i) => (FLAGS[i - 1] === flag ? value : v))

// Each test runs the real CLI (about 2 s a start on an idle machine, 15 s or more on a busy one).
describe('safer setup', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-setup-cli-'))
    // The same audit key as the services below, so they can verify what the command wrote.
    env = {
      DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`,
      DATA_DIR: dir,
      AUDIT_KEY: 'test-audit-key-'.padEnd(40, 'x'),
    }
    expect((await runCli(['migrate'], env)).code).toBe(0)
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }), { migrate: false })
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('says which flags are missing when it cannot ask, before touching the database', async () => {
    const result = await runCli(['setup', '--partnership-name', 'Safer Southwark Partnership'], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'give --area-code, --admin-email, --admin-name, --admin-organisation, --organisation',
    )
    const badOrganisation = await runCli(
      ['setup', ...withFlag('--organisation', 'LBS London Borough of Southwark')],
      env,
      PASSWORD,
    )
    expect(badOrganisation.code).toBe(2)
    expect(badOrganisation.stderr).toContain('"LBS London Borough of Southwark" is not an organisation')
  })

  it('names each bad answer by its flag, and saves nothing', async () => {
    const area = await runCli(['setup', ...withFlag('--area-code', 'E09999999')], env, PASSWORD)
    expect(area.code).toBe(1)
    expect(area.stderr).toContain('Safer was not set up; nothing was saved')
    expect(area.stderr).toContain('--area-code: No local authority with the ONS code E09999999 is known')
    const email = await runCli(['setup', ...withFlag('--admin-email', 'not-an-email')], env, PASSWORD)
    expect(email.code).toBe(1)
    expect(email.stderr).toContain('--admin-email: Enter an email address in the correct format')
    const weak = await runCli(['setup', ...FLAGS], env, 'password1234')
    expect(weak.code).toBe(1)
    expect(weak.stderr).toMatch(/password: .+/)
    const elsewhere = await runCli(['setup', ...withFlag('--admin-organisation', 'MPS')], env, PASSWORD)
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.stderr).toContain(
      "--admin-organisation: The administrator's organisation must be one of the organisations given (LBS, CCG)",
    )
    expect(await deps.services.partners.getPartnership()).toBeNull()
    expect(await deps.services.partners.listOrganisations()).toEqual([])
    expect(await deps.services.users.count()).toBe(0)
  })

  it('sets up the partnership, its organisations and the administrator, audited, and then refuses to run again', async () => {
    const result = await runCli(['setup', ...FLAGS], env, PASSWORD)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Safer is set up for Safer Southwark Partnership (Southwark, E09000028).')
    expect(result.stdout).toContain('Administrator: ada@southwark.example (Ada Administrator, LBS).')
    // A password piped in is never echoed back.
    expect(result.stdout).not.toContain(PASSWORD)

    const { partners, users, audit } = deps.services
    expect(await partners.getPartnership()).toMatchObject({
      name: 'Safer Southwark Partnership',
      areaCode: 'E09000028',
      areaName: 'Southwark',
    })
    expect((await partners.listOrganisations()).map((o) => [o.shortName, o.name, o.type])).toEqual([
      ['LBS', 'London Borough of Southwark', 'council'],
      // A bracket that is not a type stays in the name.
      ['CCG', 'Southwark Clinical Commissioning Group (CCG)', 'other'],
    ])
    expect((await users.list()).map((u) => [u.email, u.role, u.organisationShortName])).toEqual([
      ['ada@southwark.example', 'admin', 'LBS'],
    ])
    const entries = (await audit.search({}, 1)).rows.map((r) => r.action)
    expect(entries).toEqual(
      expect.arrayContaining(['partnership.create', 'organisation.create', 'user.create', 'safer.setup']),
    )
    expect((await audit.verify()).ok).toBe(true)

    const again = await runCli(['setup', ...withFlag('--admin-email', 'eve@example.org')], env, PASSWORD)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('Safer is already set up: an administrator exists.')
    expect(await users.count()).toBe(1)
  })
})
