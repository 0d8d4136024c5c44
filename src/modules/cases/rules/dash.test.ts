import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import { addCalendarMonths } from './calendar.ts'
import { assessDash, type DashAnswer, dashBand, withinTwelveMonths } from './dash.ts'
import { DASH_CHECKLIST_VERSION, DASH_QUESTIONS } from './dash-questions.ts'

/** A checklist with `yes` answers of yes, one not known, and the rest no. */
function answers(yes: number): DashAnswer[] {
  return Array.from({ length: 24 }, (_, i) => (i < yes ? 'yes' : i === 23 ? 'not-known' : 'no'))
}

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('the Dash checklist', () => {
  it('has 24 questions numbered 1 to 24 under one version id', () => {
    expect(DASH_QUESTIONS.map((q) => q.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    expect(DASH_QUESTIONS[0]?.text).toBe('Has the current incident resulted in injury?')
    expect(DASH_QUESTIONS[14]?.text).toBe('Has (…) ever attempted to strangle/choke/suffocate/drown you?')
    expect(DASH_QUESTIONS[23]?.text).toBe(
      'Do you know if (…) has ever been in trouble with the police or has a criminal history?',
    )
    expect(DASH_CHECKLIST_VERSION).toBe('safelives-dash-2009')
  })
})

describe('Dash bands', () => {
  it.each([
    [0, 'standard'],
    [1, 'standard'],
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
    [14, 'high'],
    [23, 'high'],
  ] as const)('%i yes is %s', (yes, band) => {
    expect(dashBand(yes)).toBe(band)
    expect(assessDash({ answers: answers(yes) }).band).toBe(band)
  })

  it('counts only yes: not known is not yes', () => {
    const all = Array.from({ length: 24 }, () => 'not-known' as const)
    expect(assessDash({ answers: all })).toEqual({
      yes: 0,
      band: 'standard',
      visibleHighRisk: false,
      potentialEscalation: false,
      repeatMarac: false,
      professionalJudgement: false,
      referToMarac: false,
      reasons: [],
    })
  })
})

describe('visible high risk', () => {
  it('is met at 14 yes and not at 13', () => {
    const thirteen = assessDash({ answers: answers(13) })
    expect(thirteen).toMatchObject({ yes: 13, band: 'medium', visibleHighRisk: false, referToMarac: false })
    expect(thirteen.reasons).toEqual([])
    const fourteen = assessDash({ answers: answers(14) })
    expect(fourteen).toMatchObject({ yes: 14, band: 'high', visibleHighRisk: true, referToMarac: true })
    expect(fourteen.reasons).toEqual(['Visible high risk: 14 of 24 answers are yes (14 or more)'])
  })
})

describe('potential escalation', () => {
  it('is met at the default of 3 incidents in 12 months, and not at 2', () => {
    expect(assessDash({ answers: answers(2), incidentsLast12Months: 2 }).potentialEscalation).toBe(false)
    const three = assessDash({ answers: answers(2), incidentsLast12Months: 3 })
    expect(three).toMatchObject({ potentialEscalation: true, referToMarac: true, band: 'standard' })
    expect(three.reasons).toEqual(['Potential escalation: 3 incidents in the last 12 months (3 or more)'])
  })

  it('follows the threshold the partnership sets', () => {
    expect(
      assessDash({ answers: answers(2), incidentsLast12Months: 3, escalationIncidents: 4 })
        .potentialEscalation,
    ).toBe(false)
    expect(
      assessDash({ answers: answers(2), incidentsLast12Months: 4, escalationIncidents: 4 }).reasons,
    ).toEqual(['Potential escalation: 4 incidents in the last 12 months (4 or more)'])
  })
})

describe('repeat MARAC', () => {
  it('is within 12 months up to and including the same date a year later, and not a day over', () => {
    expect(withinTwelveMonths('2025-03-14', '2025-03-14')).toBe(true)
    expect(withinTwelveMonths('2025-03-14', '2026-03-14')).toBe(true)
    expect(withinTwelveMonths('2025-03-14', '2026-03-15')).toBe(false)
    const exactly = assessDash({
      answers: answers(3),
      lastMaracReferral: '2025-03-14',
      referralDate: '2026-03-14',
    })
    expect(exactly).toMatchObject({ repeatMarac: true, referToMarac: true })
    expect(exactly.reasons).toEqual([
      'Repeat: referred on 2026-03-14, within 12 months of the last MARAC referral on 2025-03-14 (up to 2026-03-14)',
    ])
    const dayOver = assessDash({
      answers: answers(3),
      lastMaracReferral: '2025-03-14',
      referralDate: '2026-03-15',
    })
    expect(dayOver).toMatchObject({ repeatMarac: false, referToMarac: false, reasons: [] })
  })

  it('takes 28 February as the anniversary of 29 February, and 29 February as within the year before it', () => {
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(withinTwelveMonths('2024-02-29', '2025-02-28')).toBe(true)
    expect(withinTwelveMonths('2024-02-29', '2025-03-01')).toBe(false)
    expect(withinTwelveMonths('2023-02-28', '2024-02-28')).toBe(true)
    expect(withinTwelveMonths('2023-02-28', '2024-02-29')).toBe(false)
    expect(withinTwelveMonths('2023-03-01', '2024-02-29')).toBe(true)
    expect(
      assessDash({ answers: answers(0), lastMaracReferral: '2024-02-29', referralDate: '2025-02-28' })
        .repeatMarac,
    ).toBe(true)
  })

  it('is not judged without both dates, and refuses a referral dated before the last one', () => {
    expect(assessDash({ answers: answers(0) }).repeatMarac).toBe(false)
    expect(fieldErrors(() => assessDash({ answers: answers(0), lastMaracReferral: '2025-01-01' }))).toEqual({
      referralDate: 'Give the date of this referral to judge whether it is a repeat',
    })
    expect(
      fieldErrors(() =>
        assessDash({ answers: answers(0), lastMaracReferral: '2025-01-01', referralDate: '2024-12-31' }),
      ),
    ).toEqual({ referralDate: 'The referral date cannot be before the last MARAC referral' })
    expect(
      fieldErrors(() =>
        assessDash({ answers: answers(0), lastMaracReferral: '2025-02-29', referralDate: '2025-03-01' }),
      ),
    ).toEqual({ lastMaracReferral: 'Enter a real date as YYYY-MM-DD' })
  })
})

describe('professional judgement', () => {
  it('raises a case below every threshold to refer, with its reason', () => {
    const result = assessDash({
      answers: answers(6),
      professionalJudgement: { reason: '  Perpetrator released from prison next week  ' },
    })
    expect(result).toMatchObject({ band: 'standard', professionalJudgement: true, referToMarac: true })
    expect(result.reasons).toEqual(['Professional judgement: Perpetrator released from prison next week'])
  })

  it('stands beside a 14+ result as a further reason', () => {
    const result = assessDash({ answers: answers(14), professionalJudgement: { reason: 'Children at risk' } })
    expect(result).toMatchObject({ visibleHighRisk: true, professionalJudgement: true, referToMarac: true })
    expect(result.reasons).toEqual([
      'Visible high risk: 14 of 24 answers are yes (14 or more)',
      'Professional judgement: Children at risk',
    ])
  })

  it('can never lower a 14+ result: a judgement not to refer is refused', () => {
    expect(
      fieldErrors(() =>
        assessDash({
          answers: answers(14),
          professionalJudgement: { reason: 'Victim has moved away', refer: false },
        }),
      ),
    ).toEqual({
      professionalJudgement:
        'Professional judgement cannot lower a visible high risk result: with 14 yes answers (14 or more) the case must be referred to MARAC',
    })
    expect(
      fieldErrors(() =>
        assessDash({
          answers: answers(1),
          incidentsLast12Months: 5,
          professionalJudgement: { reason: 'Old incidents', refer: false },
        }),
      ).professionalJudgement,
    ).toContain('meets the potential escalation criterion')
  })

  it('not to refer, where nothing else is met, changes nothing', () => {
    expect(
      assessDash({
        answers: answers(13),
        professionalJudgement: { reason: 'Agreed at triage', refer: false },
      }),
    ).toMatchObject({ professionalJudgement: false, referToMarac: false, reasons: [] })
  })

  it('needs a reason', () => {
    expect(
      fieldErrors(() => assessDash({ answers: answers(3), professionalJudgement: { reason: '  ' } })),
    ).toEqual({ professionalJudgement: 'Give the reason for the professional judgement' })
  })
})

describe('answers that cannot be assessed', () => {
  it('refuses the wrong number of answers, saying how many were given', () => {
    expect(fieldErrors(() => assessDash({ answers: answers(3).slice(0, 23) }))).toEqual({
      answers: 'Answer all 24 questions of the Dash checklist (yes, no or not known): 23 were given',
    })
    expect(fieldErrors(() => assessDash({ answers: [...answers(3), 'no'] })).answers).toContain(
      '25 were given',
    )
    expect(fieldErrors(() => assessDash({ answers: [] })).answers).toContain('0 were given')
  })

  it('refuses an answer other than yes, no or not known, and a count that is not a whole number', () => {
    const wrong = answers(3) as string[]
    wrong[4] = 'maybe'
    expect(fieldErrors(() => assessDash({ answers: wrong as DashAnswer[] }))).toEqual({
      answers: 'Question 5: answer yes, no or not known',
    })
    expect(fieldErrors(() => assessDash({ answers: answers(3), incidentsLast12Months: -1 }))).toHaveProperty(
      'incidentsLast12Months',
    )
    expect(fieldErrors(() => assessDash({ answers: answers(3), escalationIncidents: 0 }))).toHaveProperty(
      'escalationIncidents',
    )
  })
})
