import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeps, type Deps } from '../../src/deps.ts'
import { TEST_ACTOR, testConfig } from '../helpers/app.ts'
import { runCli } from '../helpers/cli.ts'

// Each run starts the real CLI (about 2 s on an idle machine, 15 s or more on a busy one).
describe('safer duties list', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>
  let deps: Deps

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-duties-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    deps = await createDeps(testConfig(env.DATABASE_URL as string, { DATA_DIR: dir }))
    await deps.services.governance.recordDutyEvidence(
      { actor: TEST_ACTOR, user: null },
      { duty: 'plan-revised', kind: 'decision', decisionReference: 'CSP-2020-04', evidencedOn: '2021-02-10' },
    )
  })
  afterAll(async () => {
    await deps?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists a past year’s duties with their evidence and RAG, and refuses a bad year', async () => {
    const json = await runCli(['duties', 'list', '--year', '2020', '--json'], env)
    expect(json.code).toBe(0)
    const tracked = JSON.parse(json.stdout) as {
      yearText: string
      duties: Array<{ duty: string; rag: string }>
    }
    expect(tracked.yearText).toBe('2020/21')
    // The year is long past: the evidenced duty is green and every other is red, whatever today is.
    expect(tracked.duties.map((d) => [d.duty, d.rag])).toEqual([
      ['strategic-assessment', 'red'],
      ['plan-revised', 'green'],
      ['public-meeting', 'red'],
      ['plan-sent-to-pcc', 'red'],
      ['sv-needs-assessment', 'red'],
      ['sv-strategy', 'red'],
    ])
    const text = await runCli(['duties', 'list', '--year', '2020'], env)
    expect(text.stdout).toContain('Statutory duties 2020/21 (2020-04-01 to 2021-03-31)')
    expect(text.stdout).toMatch(
      /2021-03-31 {2}Green: evidenced +Partnership plan revised this year \(1 evidence\)/,
    )
    const bad = await runCli(['duties', 'list', '--year', 'soon'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--year must be a year such as 2026')
  })
})
