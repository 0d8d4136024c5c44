import { describe, expect, it } from 'vitest'
import { moduleCommands } from '../../../cli/module-commands.ts'
import { loadConfig } from '../../../config.ts'
import { UsageError } from '../../../shared/command-line.ts'
import type { SaferModule } from '../../module.ts'
import { riskCommands, riskDashCommand } from './risk-dash.ts'

// The command as the `safer` entry point runs it: through the same wrapper every module's commands
// go through, from a descriptor listing it as the case module's will.
const descriptor: SaferModule = { name: 'risk-dash-under-test', permissions: {}, commands: riskCommands }
const [runnable] = moduleCommands([descriptor])

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runnable?.run({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    args,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const letters = (yes: number, rest = 'N') =>
  Array.from({ length: 24 }, (_, i) => (i < yes ? 'Y' : rest)).join(',')

describe('safer risk dash', () => {
  it('is named and described for the help', () => {
    expect(runnable?.name).toBe('risk dash')
    expect(runnable?.usage).toContain('--answers Y,N,U')
  })

  it('prints the result as JSON: 14 yes is visible high risk', async () => {
    const result = await run(['--answers', letters(14), '--json'])
    expect(result).toMatchObject({ code: 0, err: '' })
    expect(JSON.parse(result.out)).toEqual({
      checklistVersion: 'safelives-dash-2009',
      yes: 14,
      band: 'high',
      visibleHighRisk: true,
      potentialEscalation: false,
      repeatMarac: false,
      professionalJudgement: false,
      referToMarac: true,
      reasons: ['Visible high risk: 14 of 24 answers are yes (14 or more)'],
    })
  })

  it('takes incidents, the last MARAC referral with the date, and professional judgement', async () => {
    const result = await run([
      '--answers',
      letters(13, 'u'),
      '--incidents-12-months',
      '3',
      '--last-marac',
      '2024-02-29',
      '--date',
      '2025-02-28',
      '--professional-judgement',
      'Threats made to a new partner',
      '--json',
    ])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toMatchObject({
      yes: 13,
      band: 'medium',
      visibleHighRisk: false,
      potentialEscalation: true,
      repeatMarac: true,
      professionalJudgement: true,
      referToMarac: true,
      reasons: [
        'Potential escalation: 3 incidents in the last 12 months (3 or more)',
        'Repeat: referred on 2025-02-28, within 12 months of the last MARAC referral on 2024-02-29 (up to 2025-02-28)',
        'Professional judgement: Threats made to a new partner',
      ],
    })
  })

  it('judges a repeat against today when no --date is given', async () => {
    const command = riskDashCommand(() => '2026-03-15')
    const lines: string[] = []
    const code = await command.run(
      {
        args: ['--answers', letters(2), '--last-marac', '2025-03-14', '--json'],
        out: (l) => lines.push(l),
        err: () => {},
      },
      () => Promise.reject(new Error('needs no services')),
    )
    expect(code).toBe(0)
    expect(JSON.parse(lines.join(''))).toMatchObject({ repeatMarac: false, referToMarac: false })
  })

  it('prints the result in words without --json', async () => {
    const result = await run(['--answers', letters(10)])
    expect(result.code).toBe(0)
    expect(result.out).toBe(
      '10 yes of 24: medium risk (safelives-dash-2009)\nNo MARAC referral criterion is met.',
    )
  })

  it('exits 1 with a clear message when the answers are not 24, or not Y, N or U', async () => {
    const short = await run(['--answers', letters(14).slice(2), '--json'])
    expect(short).toEqual({
      code: 1,
      out: '',
      err: 'Give 24 answers, one for each question of the Dash checklist: 23 were given',
    })
    const wrong = await run(['--answers', letters(3).replace(/^Y,Y/, 'Y,yes'), '--json'])
    expect(wrong).toEqual({
      code: 1,
      out: '',
      err: 'Answer each question Y (yes), N (no) or U (not known); not so for question 2 ("YES")',
    })
    const blank = await run(['--answers', '', '--json'])
    expect(blank.code).toBe(1)
    expect(blank.err).toContain('1 was given')
  })

  it('exits 1 for professional judgement without a reason, or a value that is not a number or a date', async () => {
    const lowered = await run(['--answers', letters(20), '--professional-judgement', '', '--json'])
    expect(lowered).toMatchObject({ code: 1, err: 'Give the reason for the professional judgement' })
    const incidents = await run(['--answers', letters(0), '--incidents-12-months', 'three'])
    expect(incidents).toMatchObject({
      code: 1,
      err: '--incidents-12-months takes a whole number, 0 or more, not "three"',
    })
    const date = await run(['--answers', letters(0), '--last-marac', '2025-13-01', '--date', '2026-01-01'])
    expect(date).toMatchObject({ code: 1, err: 'Enter a real date as YYYY-MM-DD' })
  })

  it('is a usage mistake (exit 2 at the command line) without --answers or with an unknown option', async () => {
    await expect(run(['--json'])).rejects.toBeInstanceOf(UsageError)
    await expect(run(['--answers', letters(1), '--refer'])).rejects.toMatchObject({
      code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    })
  })
})
