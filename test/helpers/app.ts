import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { asCurrentUser } from '../../src/access/current-user.ts'
import { ROLES, type Role } from '../../src/access/roles.ts'
import { createApp } from '../../src/app.ts'
import { type DatabaseDialect, loadConfig } from '../../src/config.ts'
import { createDeps, type Deps } from '../../src/deps.ts'
import type { DeclaredRoute } from '../../src/http/permissions.ts'
import type { Actor } from '../../src/modules/audit/service.ts'
import type { SaferModule } from '../../src/modules/module.ts'
import { createTestDatabase, type TestDatabase } from './databases.ts'

export const TEST_PASSWORD = 'testing-password-long-enough'
/** 32 bytes as base64: the tests' case data key, so production-mode test apps start. */
export const TEST_CASE_DATA_KEY = Buffer.alloc(32, 'safer-test-case-key').toString('base64')
export const TEST_ACTOR: Actor = { userId: null, label: 'test setup', ip: null }

export interface TestApp {
  app: FastifyInstance
  routes: DeclaredRoute[]
  deps: Deps
  database: TestDatabase
  organisationId: number
  /** One user per role, email `<role>@test.example`, password TEST_PASSWORD. */
  userIds: Record<Role, number>
  close(): Promise<void>
}

export function testConfig(url: string, overrides: Record<string, string> = {}) {
  return loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'),
    AUDIT_KEY: 'test-audit-key-'.padEnd(40, 'x'),
    CASE_DATA_KEY: TEST_CASE_DATA_KEY,
    SIGN_IN_RATE_LIMIT: '10000',
    ...overrides,
  })
}

/** The real app on a fresh database of the given dialect, with one organisation and a user for every role. */
export async function buildTestApp(
  dialect: DatabaseDialect,
  overrides: Record<string, string> = {},
  // empty: no organisation and no users, an installation not yet set up.
  options: { modules?: readonly SaferModule[]; empty?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect)
  // Its own data folder, so the crime analytics store (a DuckDB file there) is never shared between test files.
  const dataDir = mkdtempSync(join(tmpdir(), 'safer-data-'))
  const deps = await createDeps(testConfig(database.url, { DATA_DIR: dataDir, ...overrides }), {
    schema: database.schema,
    modules: options.modules,
  })
  const { app, routes } = await createApp(deps)
  const organisationId = options.empty
    ? 0
    : await deps.services.partners.createOrganisation(TEST_ACTOR, {
        name: 'Test Council',
        shortName: 'TC',
        type: 'council',
      })
  const userIds = {} as Record<Role, number>
  for (const role of options.empty ? [] : ROLES) {
    userIds[role] = await deps.services.users.create(TEST_ACTOR, {
      email: `${role}@test.example`,
      name: `Test ${role}`,
      organisationId,
      role,
      password: TEST_PASSWORD,
    })
  }
  return {
    app,
    routes,
    deps,
    database,
    organisationId,
    userIds,
    close: async () => {
      await app.close()
      await deps.database.close()
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** How many rows a table holds: for "nothing was written" checks. */
export async function countRows(
  t: TestApp,
  table: keyof import('../../src/db/types.ts').Database,
): Promise<number> {
  const row = await t.deps.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** An API token for the test user of a role, made as that user makes one: the API tests' bearer. */
export async function apiTokenFor(t: TestApp, role: Role): Promise<string> {
  const { auth, users } = t.deps.services
  const u = await users.get(t.userIds[role])
  return (await auth.createToken(asCurrentUser(u), 'tests', { userId: u.id, label: u.email, ip: null })).token
}
