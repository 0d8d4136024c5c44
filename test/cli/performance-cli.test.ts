import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'

// The command-line contract of the performance framework, through the real `safer` command.
describe('safer indicator add / import / status and safer report exceptions', { timeout: 180_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-performance-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    expect((await runCli(['migrate'], env)).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('defines an indicator, and refuses a unit it does not know', async () => {
    const added = await runCli(
      [
        'indicator',
        'add',
        '--key',
        'robbery',
        '--name',
        'Robbery',
        '--unit',
        'count',
        '--polarity',
        'down',
        '--frequency',
        'month',
        '--tolerance',
        '5',
      ],
      env,
    )
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    const bad = await runCli(
      [
        'indicator',
        'add',
        '--key',
        'x',
        '--name',
        'X',
        '--unit',
        'lots',
        '--polarity',
        'down',
        '--frequency',
        'month',
      ],
      env,
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('unit: The unit is one of count, rate, percent, number, money, yes-no')
  })

  it('imports all or nothing, naming the row and column of each problem', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'indicator,period,value\nrobbery,2025-01,100\nrobbery,2025-13,90\n')
    const refused = await runCli(['indicator', 'import', bad, '--json'], env)
    expect(refused.code).toBe(1)
    const json = JSON.parse(refused.stdout)
    expect(json.written).toBe(false)
    expect(json.errors).toEqual([
      { row: 3, column: 'period', message: '"2025-13" is not a month, written like 2025-01' },
    ])

    const good = join(dir, 'good.csv')
    writeFileSync(
      good,
      [
        'indicator,period,value,target',
        'robbery,2024-02,120,',
        'robbery,2025-01,100,100',
        'robbery,2025-02,104,100',
      ].join('\n'),
    )
    const dry = await runCli(['indicator', 'import', good, '--dry-run', '--json'], env)
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      written: false,
      counts: { rows: 3, new: 3 },
    })
    const done = await runCli(['indicator', 'import', good], env)
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('Imported 3 values for 1 indicators: 3 new, 0 corrections, 0 unchanged.')
  })

  it('prints the status contract exactly', async () => {
    const result = await runCli(['indicator', 'status', 'robbery', '--json'], env)
    expect(result.code).toBe(0)
    // Lower is better, target 100, tolerance 5%: 104 is amber; up from 100 is worsening; against
    // 2024-02's 120 it is 104, a fall the exact test does not call significant (p ≈ 0.33).
    expect(JSON.parse(result.stdout)).toEqual({
      key: 'robbery',
      period: '2025-02',
      value: 104,
      target: 100,
      rag: 'amber',
      previous: 100,
      direction: 'worsening',
      sameLastYear: 120,
      significant: false,
    })
    const earlier = JSON.parse(
      (await runCli(['indicator', 'status', 'robbery', '--period', '2025-01', '--json'], env)).stdout,
    )
    expect(earlier).toMatchObject({
      period: '2025-01',
      rag: 'green',
      previous: null,
      direction: 'none',
      sameLastYear: null,
      significant: null,
    })
    const unknown = await runCli(['indicator', 'status', 'nothing', '--json'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Indicator "nothing" was not found')
  })

  it('prints the exception report as JSON, each line with its reasons', async () => {
    const red = join(dir, 'red.csv')
    writeFileSync(red, 'indicator,period,value,target\nrobbery,2025-03,130,100\n')
    expect((await runCli(['indicator', 'import', red], env)).code).toBe(0)
    const result = await runCli(['report', 'exceptions', '--json'], env)
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report).toEqual({
      indicators: [
        {
          id: 1,
          key: 'robbery',
          name: 'Robbery',
          period: '2025-03',
          value: 130,
          display: '130',
          rag: 'red',
          // 100 → 104 → 130 is two worsening changes (2024-02 is no period before 2025-01), so not a run of three.
          reasons: ['Red: 130 against a target of 100 (5% tolerance)'],
        },
      ],
      deliverables: [],
    })
  })
})
