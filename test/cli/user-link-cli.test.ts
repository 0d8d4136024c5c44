import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, TEST_PASSWORD, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

// Each test runs the real CLI (about 2 s a start on an idle machine, far more under load).
describe('safer user link', { timeout: 120_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps
  const people: Record<string, number> = {}

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-link-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
    const s = deps.services
    const org = await s.partners.createOrganisation(TEST_ACTOR, {
      name: 'Metropolitan Police Service',
      shortName: 'MPS',
      type: 'police',
    })
    people.helen = await s.partners.createPerson(TEST_ACTOR, {
      name: 'Helen Lyons',
      email: 'Helen.Lyons@met.example',
    })
    people.ian = await s.partners.createPerson(TEST_ACTOR, { name: 'Ian Howells' })
    for (const [email, name] of [
      ['helen.lyons@met.example', 'Helen Lyons'],
      ['ian.howells@elsewhere.example', 'Ian Howells'],
    ] as const) {
      await s.users.create(TEST_ACTOR, {
        email,
        name,
        organisationId: org,
        role: 'lead',
        password: TEST_PASSWORD,
      })
    }
  })
  afterAll(async () => {
    await deps.database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('suggests only email matches, links a user when told to, and audits it', async () => {
    const suggested = await runCli(['user', 'link', '--suggest', '--json'], env)
    expect(suggested.code).toBe(0)
    // Ian Howells shares only a name with a person: never suggested.
    expect(JSON.parse(suggested.stdout)).toEqual([
      {
        user: { id: expect.any(Number), email: 'helen.lyons@met.example', name: 'Helen Lyons' },
        person: { id: people.helen, name: 'Helen Lyons' },
        email: 'helen.lyons@met.example',
      },
    ])
    const plain = await runCli(['user', 'link', '--suggest'], env)
    expect(plain.stdout).toContain(
      `helen.lyons@met.example\tHelen Lyons\tperson ${people.helen}\tHelen Lyons`,
    )
    expect(plain.stdout).toContain('Confirm each with: safer user link EMAIL --person PERSON_ID')
    // Suggesting links nothing.
    expect((await deps.services.users.findByEmail('helen.lyons@met.example'))?.personId).toBeNull()

    const linked = await runCli(
      ['user', 'link', 'helen.lyons@met.example', '--person', String(people.helen)],
      env,
    )
    expect(linked.code).toBe(0)
    expect(linked.stdout).toContain(
      `helen.lyons@met.example is linked to Helen Lyons (person ${people.helen}).`,
    )
    expect((await deps.services.users.findByEmail('helen.lyons@met.example'))?.personId).toBe(people.helen)
    expect((await runCli(['user', 'link', '--suggest'], env)).stdout).toContain(
      'No unlinked user shares an email address with a person.',
    )

    const { rows } = await deps.services.audit.search({ action: 'user.link-person' }, 1)
    expect(rows[0]?.actor).toMatch(/^cli:/)
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({
      before: { person_id: null },
      after: { person_id: people.helen },
    })
  })

  it('exits 1 naming the problem for an unknown user or person, or a person already linked, and 2 when typed wrongly', async () => {
    const noUser = await runCli(['user', 'link', 'nobody@met.example', '--person', String(people.ian)], env)
    expect(noUser.code).toBe(1)
    expect(noUser.stderr).toContain('No user with the email address nobody@met.example')
    const noPerson = await runCli(['user', 'link', 'ian.howells@elsewhere.example', '--person', '99999'], env)
    expect(noPerson.code).toBe(1)
    expect(noPerson.stderr).toContain('personId: Select a person from the list')
    const taken = await runCli(
      ['user', 'link', 'ian.howells@elsewhere.example', '--person', String(people.helen)],
      env,
    )
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('personId: This person is already linked to another user')
    expect(
      (await runCli(['user', 'link', 'ian.howells@elsewhere.example', '--person', 'Ian'], env)).code,
    ).toBe(2)
    expect((await runCli(['user', 'link', 'ian.howells@elsewhere.example'], env)).code).toBe(2)
    expect((await deps.services.users.findByEmail('ian.howells@elsewhere.example'))?.personId).toBeNull()
  })

  it('adds a user already linked, and unlinks with --person none', async () => {
    const added = await runCli(
      [
        'user',
        'add',
        '--email',
        'ian@met.example',
        '--name',
        'Ian Howells',
        '--organisation',
        'MPS',
        '--role',
        'lead',
        '--person',
        String(people.ian),
      ],
      env,
    )
    expect(added.code).toBe(0)
    expect((await deps.services.users.findByEmail('ian@met.example'))?.personId).toBe(people.ian)
    const unlinked = await runCli(['user', 'link', 'ian@met.example', '--person', 'none'], env)
    expect(unlinked.code).toBe(0)
    expect(unlinked.stdout).toContain('ian@met.example is linked to no person.')
    expect((await deps.services.users.findByEmail('ian@met.example'))?.personId).toBeNull()
  })
})
