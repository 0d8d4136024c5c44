import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, TEST_PASSWORD, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.ts'

const DAY_MS = 86_400_000

// Each run starts the real CLI (about 2 s on an idle machine, far more on a busy one).
describe.each(DIALECTS)('safer user token on %s', { timeout: 300_000 }, (dialect) => {
  let database: TestDatabase
  let dataDir: string
  let deps: Deps
  let env: Record<string, string>
  const users: Record<string, number> = {}

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    dataDir = mkdtempSync(join(tmpdir(), 'safer-token-cli-'))
    deps = await createDeps(testConfig(database.url, { DATA_DIR: dataDir }), { schema: database.schema })
    env = { DATABASE_URL: database.url, DATA_DIR: dataDir }
    if (database.schema) env.PGOPTIONS = `-c search_path=${database.schema}`
    const s = deps.services
    const org = await s.partners.createOrganisation(TEST_ACTOR, {
      name: 'London Borough of Southwark',
      shortName: 'LBS',
      type: 'council',
    })
    for (const [key, email] of [
      ['analyst', 'data.team@southwark.example'],
      ['leaver', 'former.analyst@southwark.example'],
    ] as const) {
      users[key] = await s.users.create(TEST_ACTOR, {
        email,
        name: key,
        organisationId: org,
        role: 'analyst',
        password: TEST_PASSWORD,
      })
    }
    await s.users.disable(
      TEST_ACTOR,
      users.leaver as number,
      (await s.users.get(users.leaver as number)).version,
    )
  })
  afterAll(async () => {
    await deps?.close()
    await database?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints a working token once, on its own line, and audits it', async () => {
    const before = Date.now()
    const result = await runCli(
      [
        'user',
        'token',
        'Data.Team@southwark.example',
        '--name',
        'Nightly crime export',
        '--expires-days',
        '30',
      ],
      env,
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^safer_\S+\n$/)
    const token = result.stdout.trim()
    expect(result.stderr).toContain(
      'API token "Nightly crime export" made for data.team@southwark.example, good until',
    )
    expect(result.stderr).not.toContain(token)

    const signedIn = await deps.services.auth.resolveToken(token)
    expect(signedIn?.id).toBe(users.analyst)
    const [listed] = await deps.services.auth.listTokens(signedIn as NonNullable<typeof signedIn>)
    expect(listed).toMatchObject({ name: 'Nightly crime export', expired: false })
    const lasts = Date.parse(listed?.expires_at as string) - before
    expect(lasts).toBeGreaterThanOrEqual(30 * DAY_MS - 1000)
    expect(lasts).toBeLessThan(31 * DAY_MS)

    const { rows } = await deps.services.audit.search({ action: 'api-token.create' }, 1)
    expect(rows[0]?.actor).toMatch(/^cli:/)
    const detail = JSON.parse(rows[0]?.detail ?? '{}')
    expect(detail.after).toMatchObject({ user_id: users.analyst, name: 'Nightly crime export' })
    // The token itself is never written down: only its hash is kept.
    expect(rows[0]?.detail).not.toContain(token)
  })

  it('refuses an unknown or disabled user with exit 1 and makes nothing', async () => {
    const tokensBefore = await deps.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const unknown = await runCli(['user', 'token', 'nobody@southwark.example', '--name', 'x'], env)
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain(
      'No user with the email address nobody@southwark.example: no token was made',
    )
    const disabled = await runCli(['user', 'token', 'former.analyst@southwark.example', '--name', 'x'], env)
    expect(disabled).toMatchObject({ code: 1, stdout: '' })
    expect(disabled.stderr).toContain(
      'former.analyst@southwark.example is disabled: no token was made. An administrator re-enables the user first.',
    )
    const tokensAfter = await deps.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(tokensAfter.n)).toBe(Number(tokensBefore.n))
  })

  it('exits 2 when typed wrongly: no --name, or a length a token cannot have', async () => {
    const noName = await runCli(['user', 'token', 'data.team@southwark.example'], env)
    expect(noName.code).toBe(2)
    expect(noName.stderr).toContain('--name is required')
    const days = await runCli(
      ['user', 'token', 'data.team@southwark.example', '--name', 'x', '--expires-days', '1000'],
      env,
    )
    expect(days.code).toBe(2)
    expect(days.stderr).toContain('--expires-days takes 7, 30, 90, 365 (days), not "1000"')
  })
})
