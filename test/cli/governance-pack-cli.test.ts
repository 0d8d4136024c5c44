import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { loadGovernanceDemo } from '../../src/modules/governance/demo.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'
import { openDocx } from '../helpers/docx.ts'

// Each run starts the real CLI (about 2 s on an idle machine, 15 s or more on a busy one).
describe('safer pack and safer report annual', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps
  let meeting: number
  let strategy: number

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-pack-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
    const s = deps.services
    await loadPartnersDemo(s, TEST_ACTOR)
    await loadGovernanceDemo(s, TEST_ACTOR)
    const board = (await s.governance.findBoardByName('Safer Communities Delivery Group')) as number
    meeting = (await s.governance.listMeetings(board))[0]?.id as number
    strategy = await s.strategies.create(TEST_ACTOR, { title: 'Violent Crime Strategy', status: 'adopted' })
    await s.strategies.addPriority(TEST_ACTOR, strategy, { title: 'Robbery' })
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('builds numbered versions of a meeting’s pack to a file, and lists them', async () => {
    const out = join(dir, 'pack.docx')
    const first = await runCli(['pack', 'build', '--meeting', String(meeting), '--out', out], env)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /^Made version 1 of the board pack \(\d+ KB\) and wrote it to .*pack\.docx\.$/m,
    )
    const { text } = openDocx(readFileSync(out))
    expect(text).toContain('Board: Safer Communities Delivery Group')
    expect(text).toContain('Item 101\tMatters arising')
    expect(text).toContain('RESOLVED i–iii')

    const second = await runCli(['pack', 'build', '--meeting', String(meeting), '--out', out, '--json'], env)
    const made = JSON.parse(second.stdout) as { number: number; madeBy: string; out: string }
    expect(made.number).toBe(2)
    expect(made.madeBy).toMatch(/^cli:/)
    expect(made.out).toBe(out)

    const list = await runCli(['pack', 'list', '--meeting', String(meeting), '--json'], env)
    const packs = JSON.parse(list.stdout) as { versions: Array<{ number: number }>; circulated: unknown }
    expect(packs.versions.map((v) => v.number)).toEqual([2, 1])
    expect(packs.circulated).toBeNull()
    const log = await deps.services.audit.search({ action: 'meeting.pack-build' }, 1)
    expect(log.rows).toHaveLength(2)
  })

  it('refuses a missing meeting, a missing --out and a file that is not .docx, writing nothing', async () => {
    const missing = await runCli(['pack', 'build', '--meeting', '99999', '--out', join(dir, 'x.docx')], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Meeting was not found')
    const noOut = await runCli(['pack', 'build', '--meeting', String(meeting)], env)
    expect(noOut.code).not.toBe(0)
    expect(noOut.stderr).toContain('--out FILE.docx is required')
    const pdf = await runCli(
      ['pack', 'build', '--meeting', String(meeting), '--out', join(dir, 'x.pdf')],
      env,
    )
    expect(pdf.stderr).toContain('--out must name a .docx file')
    expect((await deps.services.boardPacks.meetingPacks(meeting)).versions).toHaveLength(2)
  })

  it('writes the annual report on a strategy for a year', async () => {
    const out = join(dir, 'annual.docx')
    const made = await runCli(
      ['report', 'annual', '--strategy', String(strategy), '--year', '2011', '--out', out],
      env,
    )
    expect(made.stderr).toBe('')
    expect(made.stdout).toMatch(/^Wrote the annual report for 2011 \(\d+ KB\) to .*annual\.docx\.$/m)
    const { text } = openDocx(readFileSync(out))
    expect(text).toContain('Violent Crime Strategy: annual report 2011')
    expect(text).toContain('Robbery')
    expect(text).toContain(
      'That agreement be given to proceed with the development of an Integrated Offender Management system',
    )
    const badYear = await runCli(
      ['report', 'annual', '--strategy', String(strategy), '--year', '11', '--out', out],
      env,
    )
    expect(badYear.code).toBe(1)
    expect(badYear.stderr).toContain('Enter the year as four digits')
  })
})
