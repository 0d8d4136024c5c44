import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { SEED_003_PATH } from '../helpers/seeds.ts'

// Each test runs the real CLI (about 2 s a start on an idle machine, far more under load).
describe('safer plan import / export / list', { timeout: 120_000 }, () => {
  let dir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'safer-plan-cli-'))
    env = { DATABASE_URL: `sqlite:${join(dir, 'safer.db')}` }
    expect((await runCli(['migrate'], env)).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('prints the import contract as one JSON object', async () => {
    const result = await runCli(['plan', 'import', SEED_003_PATH, '--json'], env)
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.counts).toEqual({
      themes: 8,
      actions: 56,
      deliverables: 61,
      locallyAdded: 29,
      leads: 17,
      organisations: 16,
    })
    expect(json.themes.map((t: { title: string }) => t.title)).toEqual([
      'GOVERNANCE',
      'ENGAGEMENT, CONSULTATION and NEEDS ASSESSMENT',
      'TARGETTING LAWBREAKERS',
      'KEEPING DEADLY WEAPONS OFF OUR STREETS',
      'PROTECTING AND EDUCATING YOUNG PEOPLE',
      'STANDING WITH COMMUNITIES, NEIGHBOURHOODS AND FAMILIES AGAINST KNIFE CRIME',
      'SUPPORTING VICTIMS OF KNIFE CRIME',
      'OFFERING WAYS OUT OF CRIME',
    ])
    const review = json.themes[0].actions[2]
    expect(review).toMatchObject({ number: '*3', locallyAdded: true })
    expect(review.deliverables[0]).toMatchObject({
      leads: ['Caroline Thwaites', 'Det Supt Helen Lyons'],
      leadOrganisations: ['LBS CS&P', 'MPS'],
      start: '2018-10',
      end: '2018-12',
      supportingOrganisations: 'All Partners',
      documentReferences: '',
      comment: 'Tackling Serious Youth Violence in Southwark - Short Term Plan',
      rag: 'not-rated',
    })
    expect(json.strategicAims).toHaveLength(4)
    expect(json.leadership[3]).toEqual({
      name: 'Simon Messinger',
      organisation: 'MPS',
      role: 'BCU Commander',
    })
    expect(json.errors).toEqual([])
    const messages = json.warnings.map((w: { row: number; message: string }) => `${w.row}: ${w.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^65: End date Mar-10 is before start date Oct-18/),
        expect.stringMatching(
          /^83: "Simon Messenger" \(row 83\) and "Simon Messinger" \(row 9\) look like one person/,
        ),
        expect.stringMatching(/^102: "Gordan McCullough" \(row 102\) and "Gordon McCullough" \(row 45\)/),
        expect.stringMatching(/^48: "Matthew Edeom" \(row 48\) and "Matthew Edom" \(row 15\)/),
        expect.stringMatching(/^56: Outcome cells were 10 columns right of the header; re-aligned/),
        expect.stringMatching(/^38: Cells were 2 columns left of the header; re-aligned/),
        expect.stringMatching(
          /^92: Text in the Actions column has no action number and no outcome; read as a further outcome of action \*4/,
        ),
      ]),
    )
  })

  it('refuses the same file twice (exit 1), replaces with --replace, and lists the plan', async () => {
    const again = await runCli(['plan', 'import', SEED_003_PATH], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')
    const replaced = await runCli(['plan', 'import', SEED_003_PATH, '--replace'], env)
    expect(replaced.code).toBe(0)
    expect(replaced.stdout).toMatch(/^Replaced "Southwark Borough/)
    const list = JSON.parse((await runCli(['plan', 'list', '--json'], env)).stdout)
    expect(list).toHaveLength(1)
  })

  it('exports xlsx and csv that import back as the same plan', async () => {
    const original = JSON.parse(
      (await runCli(['plan', 'import', SEED_003_PATH, '--dry-run', '--json'], env)).stdout,
    )
    for (const format of ['xlsx', 'csv']) {
      const out = join(dir, `plan.${format}`)
      expect((await runCli(['plan', 'export', '1', '--format', format, '--out', out], env)).code).toBe(0)
      const back = JSON.parse((await runCli(['plan', 'import', out, '--dry-run', '--json'], env)).stdout)
      expect(back.counts, format).toEqual(original.counts)
      expect(back.themes, format).toEqual(original.themes)
      expect(back.leadership, format).toEqual(original.leadership)
    }
  })

  it('names the file and writes nothing for bad input', async () => {
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    const result = await runCli(['plan', 'import', empty, '--json'], env)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).errors[0].message).toBe('empty.csv is empty')
    const missing = await runCli(['plan', 'import', join(dir, 'nope.xlsx')], env)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nope.xlsx: no such file')
    expect(JSON.parse((await runCli(['plan', 'list', '--json'], env)).stdout)).toHaveLength(1)
  })
})
