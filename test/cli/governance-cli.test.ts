import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

// Each run starts the real CLI (about 2 s on an idle machine, 15 s or more on a busy one).
describe('safer board and safer meeting', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-governance-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('adds boards with their reporting lines and standing items, and lists boards and meetings', async () => {
    const executive = await runCli(
      ['board', 'add', '--name', 'Safeguarding Executive', '--purpose', 'Police, CCG and council'],
      env,
    )
    expect(executive.stderr).toBe('')
    expect(executive.stdout).toMatch(/^Added Safeguarding Executive, board \d+\.$/m)
    const group = await runCli(
      [
        'board',
        'add',
        '--name',
        'Safer Communities Delivery Group',
        '--purpose',
        'The statutory Community Safety Partnership',
        '--standing-item',
        'Habitual knife carriers',
        '--standing-item',
        'Stop and search',
        '--reports-to',
        'Safeguarding Executive',
      ],
      env,
    )
    expect(group.stdout).toContain('reporting to Safeguarding Executive')
    const missing = await runCli(
      ['board', 'add', '--name', 'X', '--purpose', 'Y', '--reports-to', 'Nobody'],
      env,
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('The board "Nobody" was not found')

    const list = await runCli(['board', 'list', '--json'], env)
    const boards = JSON.parse(list.stdout) as Array<{
      name: string
      reportsTo: string[]
      standingItems: string[]
    }>
    expect(boards.map((b) => b.name)).toEqual(['Safeguarding Executive', 'Safer Communities Delivery Group'])
    expect(boards[1]).toMatchObject({
      reportsTo: ['Safeguarding Executive'],
      standingItems: ['Habitual knife carriers', 'Stop and search'],
    })

    const groupId = (await deps.services.governance.findBoardByName(
      'Safer Communities Delivery Group',
    )) as number
    await deps.services.governance.scheduleMeeting({ actor: TEST_ACTOR, user: null }, groupId, {
      startsAt: '2026-03-12T14:00',
    })
    const meetings = await runCli(
      ['meeting', 'list', '--board', 'Safer Communities Delivery Group', '--json'],
      env,
    )
    expect(JSON.parse(meetings.stdout)).toEqual([
      {
        id: expect.any(Number),
        board: 'Safer Communities Delivery Group',
        startsAt: '2026-03-12T14:00',
        place: null,
        status: 'scheduled',
      },
    ])
    expect((await runCli(['meeting', 'list'], env)).stdout).toContain(
      '2026-03-12 14:00  Safer Communities Delivery Group',
    )
  })
})
