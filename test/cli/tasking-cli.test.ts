import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { docxText } from '../helpers/docx.ts'

// The demo's year of tasking meetings through the real command: the briefing kept with a meeting as
// a Word document (its figures, tables and the analyst's commentary), a month with no meeting
// computed from the crime data, and the taskings listed with those carried over.
describe('safer tasking', { timeout: 300_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-tasking-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}`, DATA_DIR: dir }
    expect((await runCli(['demo'], env)).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the briefing kept with February 2026’s meeting, with its commentary', async () => {
    const out = join(dir, 'february.docx')
    const run = await runCli(
      ['tasking', 'briefing', '--area', 'Southwark', '--month', '2026-02', '--out', out],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(
      `Wrote the briefing for Southwark, February 2026 (as kept with the meeting) to ${out}\n`,
    )
    const text = docxText(readFileSync(out))
    for (const heading of [
      'Violence intelligence briefing: Southwark',
      'Hotspots',
      'Significant changes',
      'Serious violence',
    ])
      expect(text).toContain(heading)
    expect(text).toContain('Hotspot LSOAs, February 2026')
    expect(text).toContain('Analyst’s commentary')
    expect(text).toMatch(/had the most crime in February 2026, \d+ crimes/)
    expect(text).toContain('February 2026 against February 2025')
  })

  it('computes the briefing for a month with no meeting, saying where periods are not comparable', async () => {
    const out = join(dir, 'march-2024.docx')
    const run = await runCli(['tasking', 'briefing', '--month', '2024-03', '--out', out], env)
    expect(run.stdout).toContain('computed now; no meeting holds one')
    const text = docxText(readFileSync(out))
    expect(text).toContain('Not comparable: Not like for like')
    expect(text).not.toContain('Analyst’s commentary')
  })

  it('refuses a month that is not YYYY-MM before opening anything, and lists taskings as JSON', async () => {
    const bad = await runCli(['tasking', 'briefing', '--month', 'March', '--out', join(dir, 'x.docx')], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Give the month with --month YYYY-MM')
    const listed = await runCli(['tasking', 'list', '--status', 'carried-over', '--json'], env)
    const carried = JSON.parse(listed.stdout) as Array<{ status: string; raisedMonth: string }>
    expect(carried.length).toBeGreaterThan(0)
    expect(carried.every((c) => c.status === 'carried-over' && c.raisedMonth < '2026-02')).toBe(true)
  })

  it('has January 2026’s meeting task the demo knife crime panel’s cohort, pseudonymised for the command line', async () => {
    const listed = await runCli(['tasking', 'list', '--json'], env)
    const cohorts = (
      JSON.parse(listed.stdout) as Array<{
        raisedMonth: string
        organisationName: string
        place: { kind: string; name: string }
        cohort: { subjectIds: number[]; members: unknown } | null
      }>
    ).filter((t) => t.place.kind === 'cohort')
    expect(cohorts).toHaveLength(1)
    expect(cohorts[0]).toMatchObject({ raisedMonth: '2026-01', place: { name: 'Demo knife crime panel' } })
    // Its accepted case's one young person, kept by id; the list labels no one.
    expect(cohorts[0]?.cohort?.subjectIds).toHaveLength(1)
    expect(cohorts[0]?.cohort?.members).toBeNull()
    expect(listed.stdout).not.toContain('Unrealson')

    const out = join(dir, 'january.docx')
    expect((await runCli(['tasking', 'briefing', '--month', '2026-01', '--out', out], env)).code).toBe(0)
    const text = docxText(readFileSync(out))
    expect(text).toMatch(/Cohort of Demo knife crime panel: Cohort member C-[0-9A-F]{4}/)
    for (const name of ['Fenn', 'Unrealson', 'Gus', 'Pretendson']) expect(text).not.toContain(name)
  })
})
