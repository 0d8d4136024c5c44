import { parseArgs } from 'node:util'
import { UsageError } from '../../../shared/command-line.ts'
import { ValidationError } from '../../../shared/errors.ts'
import { londonToday } from '../../../shared/london-day.ts'
import { command } from '../../module.ts'
import { assessDash, type DashAnswer, type DashInput } from '../rules/dash.ts'
import { DASH_CHECKLIST_VERSION, DASH_QUESTION_COUNT } from '../rules/dash-questions.ts'

const LETTERS: Record<string, DashAnswer> = { Y: 'yes', N: 'no', U: 'not-known' }

/** The answers as typed (Y, N or U, comma-separated), or the problems with them. */
function readAnswers(text: string): DashAnswer[] {
  const letters = text.split(',').map((a) => a.trim().toUpperCase())
  if (letters.length !== DASH_QUESTION_COUNT)
    throw new ValidationError({
      answers: `Give ${DASH_QUESTION_COUNT} answers, one for each question of the Dash checklist: ${letters.length} ${letters.length === 1 ? 'was' : 'were'} given`,
    })
  const wrong = letters.flatMap((l, i) => (l in LETTERS ? [] : [`${i + 1} ("${l}")`]))
  if (wrong.length)
    throw new ValidationError({
      answers: `Answer each question Y (yes), N (no) or U (not known); not so for question ${wrong.join(', ')}`,
    })
  return letters.map((l) => LETTERS[l] as DashAnswer)
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw new ValidationError({ [name]: `--${name} takes a whole number, 0 or more, not "${value}"` })
  return Number(value)
}

function readInput(args: string[], today: string): { input: DashInput; json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      answers: { type: 'string' },
      'incidents-12-months': { type: 'string' },
      'escalation-incidents': { type: 'string' },
      'last-marac': { type: 'string' },
      date: { type: 'string' },
      'professional-judgement': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  if (values.answers === undefined)
    throw new UsageError(
      `--answers is required: ${DASH_QUESTION_COUNT} answers of Y, N or U, comma-separated`,
    )
  const reason = values['professional-judgement']
  return {
    json: values.json === true,
    input: {
      answers: readAnswers(values.answers),
      incidentsLast12Months: wholeNumber('incidents-12-months', values['incidents-12-months']),
      escalationIncidents: wholeNumber('escalation-incidents', values['escalation-incidents']),
      lastMaracReferral: values['last-marac'],
      referralDate: values['last-marac'] === undefined ? values.date : (values.date ?? today),
      professionalJudgement: reason === undefined ? undefined : { reason },
    },
  }
}

/**
 * `safer risk dash`: the MARAC referral criteria for one Dash checklist, worked out and printed,
 * nothing stored. The case module lists these in its descriptor's `commands`.
 */
export function riskDashCommand(today: () => string = londonToday) {
  return command({
    name: 'risk dash',
    usage:
      'safer risk dash --answers Y,N,U,…(24) [--incidents-12-months N] [--escalation-incidents N] [--last-marac YYYY-MM-DD] [--date YYYY-MM-DD] [--professional-judgement REASON] [--json]',
    summary: 'Work out the Dash band and the MARAC referral criteria from 24 answers (nothing is stored)',
    help: [
      'The answers are the SafeLives Dash checklist questions 1 to 24 in order: Y yes, N no, U not known.',
      '--escalation-incidents sets the potential escalation threshold (default 3); --date is the referral date',
      "(default today) against --last-marac, the victim's last MARAC referral.",
      '--json prints {checklistVersion, yes, band, visibleHighRisk, potentialEscalation, repeatMarac,',
      ' professionalJudgement, referToMarac, reasons: [string]}.',
    ].join('\n'),
    needs: [],
    async run({ args, out, err }) {
      let result: ReturnType<typeof assessDash>
      let json: boolean
      try {
        const read = readInput(args, today())
        json = read.json
        result = assessDash(read.input)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        for (const message of Object.values(error.fieldErrors)) err(message)
        return 1
      }
      if (json) {
        out(JSON.stringify({ checklistVersion: DASH_CHECKLIST_VERSION, ...result }))
        return 0
      }
      out(`${result.yes} yes of ${DASH_QUESTION_COUNT}: ${result.band} risk (${DASH_CHECKLIST_VERSION})`)
      out(result.referToMarac ? 'Refer to MARAC:' : 'No MARAC referral criterion is met.')
      for (const reason of result.reasons) out(`  ${reason}`)
      return 0
    },
  })
}

/** The commands the case module adds to its descriptor: `commands: [...riskCommands, …]`. */
export const riskCommands = [riskDashCommand()]
