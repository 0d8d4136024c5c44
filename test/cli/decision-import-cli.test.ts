import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/governance')
const fixture = (name: string) => join(FIXTURES, name)

// Each run starts the real CLI (about 2 s on an idle machine, 15 s or more on a busy one).
describe('safer decision import', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps
  const count = async (table: 'decision_records' | 'meetings' | 'resolutions' | 'boards') =>
    Number(
      (
        await deps.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-decision-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints exactly the issue’s shape with --json --dry-run, and records nothing', async () => {
    const run = await runCli(
      ['decision', 'import', fixture('seed-001-decision-record.txt'), '--json', '--dry-run'],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const shape = JSON.parse(run.stdout)
    expect(Object.keys(shape)).toEqual([
      'kind',
      'title',
      'meetingDate',
      'itemNumber',
      'decisionMaker',
      'status',
      'keyDecision',
      'subjectToCallIn',
      'dateOfDecision',
      'publicationDate',
      'resolutions',
      'documents',
    ])
    expect(shape).toMatchObject({
      kind: 'decision',
      title: 'Serious Violence and Exploitation Strategy',
      meetingDate: '2024-09-11',
      itemNumber: null,
      decisionMaker: 'Cabinet',
      status: 'Recommendations Approved',
      keyDecision: false,
      subjectToCallIn: false,
      dateOfDecision: '2024-09-11',
      publicationDate: '2024-09-13',
    })
    expect(shape.resolutions).toHaveLength(5)
    expect(shape.documents[2]).toEqual({ title: 'Appendix 2 VVRAP 2024', link: null })

    const minutes = await runCli(
      ['decision', 'import', fixture('seed-000-decision-minutes.txt'), '--dry-run'],
      env,
    )
    expect(minutes.stdout).toContain('Minutes: Southwark Violent Crime Strategy')
    expect(minutes.stdout).toContain('Item 7')
    expect(minutes.stdout).toContain('Dry run: nothing was recorded.')
    expect(await count('decision_records')).toBe(0)
  })

  it('records a decision page, and says what it made', async () => {
    const run = await runCli(['decision', 'import', fixture('variant-decision-notice.txt')], env)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(
      /^Recorded decision ED\/2025\/118: Community Safety Partnership Strategic Assessment 2025 \(3 numbered decisions, 2 documents\)\.$/m,
    )
    // Published Wednesday 5 March 2025: five working days.
    expect(run.stdout).toContain('Call-in ends 12 March 2025.')
    expect(run.stdout).toContain('Takes effect 13 March 2025.')
    const json = await runCli(
      ['decision', 'import', fixture('variant-record-of-decision.txt'), '--json'],
      env,
    )
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'decision', status: 'Recommendations Approved' })
    expect(await count('decision_records')).toBe(2)
  })

  it('puts minutes in the board’s meeting, adding the board only when asked', async () => {
    const refused = await runCli(['decision', 'import', fixture('variant-minutes-resolved-that.txt')], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('The board "Safer Neighbourhoods Board" is not in Safer')
    expect(await count('boards')).toBe(0)

    const run = await runCli(
      [
        'decision',
        'import',
        fixture('variant-minutes-resolved-that.txt'),
        '--create-board',
        '--time',
        '18:30',
      ],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Added the board Safer Neighbourhoods Board')
    expect(run.stdout).toContain('Added the meeting of Safer Neighbourhoods Board on 4 February 2026')
    expect(run.stdout).toContain('Added item 12: Anti-social behaviour case reviews.')
    expect(run.stdout).toContain('Recorded 2 resolutions (1, 2).')
    expect(await count('resolutions')).toBe(2)

    // Seed 000 names no meeting: it goes into one named on the command line.
    const meetings = JSON.parse((await runCli(['meeting', 'list', '--json'], env)).stdout) as Array<{
      id: number
    }>
    const seed000 = await runCli(
      ['decision', 'import', fixture('seed-000-decision-minutes.txt'), '--meeting', String(meetings[0]?.id)],
      env,
    )
    expect(seed000.stderr).toBe('')
    expect(seed000.stdout).toContain('Added item 7: Southwark Violent Crime Strategy.')
    expect(seed000.stdout).toContain('Recorded 3 resolutions (1, 2, 3).')
    const noMeeting = await runCli(['decision', 'import', fixture('seed-000-decision-minutes.txt')], env)
    expect(noMeeting.code).toBe(1)
    expect(noMeeting.stderr).toContain('The minutes do not say whose meeting it was')
  })

  it('refuses a file it cannot read with a clear message and exit 1, recording nothing', async () => {
    const before = {
      decisions: await count('decision_records'),
      meetings: await count('meetings'),
      resolutions: await count('resolutions'),
    }
    const notDecision = await runCli(['decision', 'import', fixture('not-a-decision.txt')], env)
    expect(notDecision.code).toBe(1)
    expect(notDecision.stderr).toContain('does not read as a decision page or minutes')
    expect(notDecision.stderr).toContain('Nothing was recorded.')
    const missing = await runCli(['decision', 'import', join(dir, 'nowhere.txt')], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('there is no such file')
    const binary = join(dir, 'minutes.docx')
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))
    const notText = await runCli(['decision', 'import', binary], env)
    expect(notText.code).toBe(1)
    expect(notText.stderr).toContain('is not text')
    const twice = join(dir, 'twice.txt')
    writeFileSync(twice, 'Minutes:\nDiscussed.\nRESOLVED\ni) That A.\ni) That B.\n')
    const duplicate = await runCli(['decision', 'import', twice], env)
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toContain('Resolution i is numbered twice in the text')
    expect({
      decisions: await count('decision_records'),
      meetings: await count('meetings'),
      resolutions: await count('resolutions'),
    }).toEqual(before)
  })
})
