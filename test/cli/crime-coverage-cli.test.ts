import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'

const DEMO = resolve(import.meta.dirname, '../../demo-data')

// The CLI never states a figure the data cannot support: over the demo's real extract.
describe('crime figures and their coverage on the command line', { timeout: 180_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-crime-coverage-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
    const areas = await runCli(['areas', 'import', join(DEMO, 'areas')], env)
    expect(areas.code, areas.stderr).toBe(0)
    const crime = await runCli(
      ['crime', 'ingest', join(DEMO, 'police-uk'), join(DEMO, 'mps-recorded-crime'), '--json'],
      env,
    )
    expect(crime.code, crime.stderr).toBe(0)
  }, 180_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('compares like for like with crime change --json, and says why not otherwise', async () => {
    const args = [
      'crime',
      'change',
      '--source',
      'police-uk',
      '--area',
      'Southwark',
      '--from',
      '2024-01',
      '--to',
      '2024-06',
    ]
    const all = await runCli([...args, '--json'], env)
    expect(all.code, all.stderr).toBe(0)
    const c = JSON.parse(all.stdout)
    expect(Object.keys(c).sort()).toEqual(
      [
        'against',
        'changePercent',
        'comparable',
        'current',
        'previous',
        'reason',
        'significant',
        'test',
      ].sort(),
    )
    expect(c.current).toMatchObject({ from: '2024-01', to: '2024-06' })
    expect(Object.keys(c.current.coverage).sort()).toEqual(['leavesOut', 'monthsLoaded', 'monthsMissing'])
    expect(c.previous).toMatchObject({ from: '2023-07', to: '2023-12' })
    expect(c.comparable).toBe(false)
    expect(c.reason).toContain('British Transport Police')
    expect(c.changePercent).toBeNull()

    const burglary = JSON.parse(
      (await runCli([...args, '--crime-type', 'Burglary', '--against', 'last-year', '--json'], env)).stdout,
    )
    expect(burglary.against).toBe('last-year')
    expect(burglary.previous).toMatchObject({ from: '2023-01', to: '2023-06' })
    expect(burglary.previous.coverage.monthsMissing).toEqual(['2023-01', '2023-02'])
    expect(burglary.comparable).toBe(false)

    const previous = JSON.parse((await runCli([...args, '--crime-type', 'Burglary', '--json'], env)).stdout)
    expect(previous.comparable).toBe(true)
    expect(previous.changePercent).toBe(
      ((previous.current.total - previous.previous.total) * 100) / previous.previous.total,
    )
    expect(previous.test.pValue).toBeGreaterThanOrEqual(0)

    const help = await runCli(['crime', 'change', '--help'], env)
    expect(help.stdout).toContain('"comparable": true | false')
    expect(help.stdout).toContain('--against previous|last-year')
  })

  it('gives a null total, not 0, where no month is loaded, and refuses such an assessment', async () => {
    const counts = await runCli(
      [
        'crime',
        'counts',
        '--source',
        'recorded',
        '--area',
        'Lambeth',
        '--from',
        '2025-03',
        '--to',
        '2026-02',
        '--json',
      ],
      env,
    )
    expect(counts.code, counts.stderr).toBe(0)
    const answer = JSON.parse(counts.stdout)
    expect(answer.total).toBeNull()
    expect(answer.coverage.monthsLoaded).toEqual([])

    const out = join(dir, 'lambeth.docx')
    const refused = await runCli(
      ['assessment', 'build', '--area', 'Lambeth', '--from', '2025-03', '--to', '2026-02', '--out', out],
      env,
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'No crime data is loaded for Lambeth from March 2025 to February 2026: the latest loaded month is February 2024',
    )
  })
})
