// The SafeLives quarterly MARAC return (ADR 0028): the figures SafeLives publishes for every MARAC,
// worked out from the cases the MARAC discussed in a period. Exact here; `leavingPanel` gives the
// same figures with small counts suppressed, for anything that goes beyond the panel.

import { ValidationError } from '../../../shared/errors.ts'
import {
  type Audience,
  countFor,
  type Proportion,
  proportion,
  proportionFor,
  type Shown,
} from '../../../shared/suppression.ts'
import { daysInclusive, isCalendarDate } from './calendar.ts'

export const ETHNIC_GROUPS = ['white', 'mixed', 'asian', 'black', 'other', 'not-known'] as const
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number]
/** "Black, Asian or racially minoritised", as SafeLives now words it: every ONS group but White. */
const MINORITISED: readonly EthnicGroup[] = ['mixed', 'asian', 'black', 'other']

export interface MaracCaseDiscussed {
  /** The meeting that discussed it (YYYY-MM-DD); cases outside the period are left out. */
  discussedOn: string
  victimGender: 'female' | 'male' | 'other' | 'not-known'
  victimAgeAtReferral: number | null
  victimEthnicGroup: EthnicGroup
  victimDisabled: boolean | null
  victimLgbt: boolean | null
  repeat: boolean
  referredBy: 'police' | 'other'
  childrenInHousehold: number
  perpetratorAge: number | null
}

/** Women aged 16 and over in the MARAC's area, as SafeLives counts them (ONS mid-year estimates). */
export interface AdultWomen {
  count: number
  areaCode: string
  areaName: string
  /** The mid-year of the estimate. */
  year: number
  source: string
}

export interface ReturnInput {
  from: string
  to: string
  cases: readonly MaracCaseDiscussed[]
  /** null when there is no population for the area: the rate is then left out, with the reason. */
  adultWomen: AdultWomen | null
}

export const FIGURES = {
  casesDiscussed: 'Cases discussed',
  childrenInHouseholds: 'Children in households',
  casesPer10000AdultWomen: 'Cases per 10,000 adult women (16+) in the period',
  casesPer10000AdultWomenAYear: 'Cases per 10,000 adult women (16+) a year, at this rate',
  repeat: '% repeat cases',
  partnerReferrals: '% referred by partners other than police',
  blackAndMinoritised: '% victims Black, Asian or racially minoritised',
  lgbt: '% victims LGBT+',
  disabled: '% victims with a disability',
  male: '% victims male',
  victimsAged16To17: 'Victims aged 16–17',
  perpetratorsUnder18: 'Perpetrators under 18',
} as const
export type FigureKey = keyof typeof FIGURES

export type FigureKind = 'count' | 'percentage' | 'rate'

export interface ReturnFigure {
  key: FigureKey
  label: string
  kind: FigureKind
  numerator: number
  /** null for a count, which is a figure on its own. */
  denominator: number | null
  /** The count, or numerator ÷ denominator × 100 (× 10,000 for a rate) unrounded; null over 0. */
  value: number | null
}

export interface SafeLivesReturn {
  from: string
  to: string
  days: number
  adultWomen: AdultWomen | null
  /** Why a figure is missing (no population for the area), or null. */
  notes: string[]
  figures: ReturnFigure[]
  /** Cases where the victim's (or perpetrator's) detail was not recorded: counted as not in the group. */
  notKnown: {
    gender: number
    age: number
    ethnicGroup: number
    disability: number
    lgbt: number
    perpetratorAge: number
  }
}

const DAYS_A_YEAR = 365.25

function checkInput(input: ReturnInput): void {
  const problems: Record<string, string> = {}
  if (!isCalendarDate(input.from)) problems.from = 'Enter the start of the period as YYYY-MM-DD'
  if (!isCalendarDate(input.to)) problems.to = 'Enter the end of the period as YYYY-MM-DD'
  else if (!problems.from && input.to < input.from)
    problems.to = 'The end of the period cannot be before its start'
  if (input.adultWomen && !(Number.isInteger(input.adultWomen.count) && input.adultWomen.count > 0))
    problems.adultWomen = 'The adult female population must be a whole number above 0'
  if (Object.keys(problems).length) throw new ValidationError(problems)
}

/** The return's figures, exact, for the panel. */
export function safeLivesReturn(input: ReturnInput): SafeLivesReturn {
  checkInput(input)
  const cases = input.cases.filter((c) => c.discussedOn >= input.from && c.discussedOn <= input.to)
  const n = cases.length
  const count = (test: (c: MaracCaseDiscussed) => boolean) => cases.filter(test).length
  const days = daysInclusive(input.from, input.to)
  const figure = (key: FigureKey, kind: FigureKind, p: Proportion): ReturnFigure => ({
    key,
    label: FIGURES[key],
    kind,
    ...p,
  })
  const share = (key: FigureKey, test: (c: MaracCaseDiscussed) => boolean) =>
    figure(key, 'percentage', proportion(count(test), n))
  const counted = (key: FigureKey, value: number): ReturnFigure => ({
    key,
    label: FIGURES[key],
    kind: 'count',
    numerator: value,
    denominator: null,
    value,
  })

  const figures: ReturnFigure[] = [
    counted('casesDiscussed', n),
    counted(
      'childrenInHouseholds',
      cases.reduce((sum, c) => sum + c.childrenInHousehold, 0),
    ),
  ]
  const notes: string[] = []
  if (input.adultWomen) {
    const rate = proportion(n, input.adultWomen.count, 10_000)
    figures.push(figure('casesPer10000AdultWomen', 'rate', rate))
    figures.push(
      figure('casesPer10000AdultWomenAYear', 'rate', {
        ...rate,
        value: rate.value === null ? null : (rate.value * DAYS_A_YEAR) / days,
      }),
    )
  } else
    notes.push(
      'No adult female population is known for the area, so cases per 10,000 adult women are not given.',
    )
  figures.push(
    share('repeat', (c) => c.repeat),
    share('partnerReferrals', (c) => c.referredBy === 'other'),
    share('blackAndMinoritised', (c) => MINORITISED.includes(c.victimEthnicGroup)),
    share('lgbt', (c) => c.victimLgbt === true),
    share('disabled', (c) => c.victimDisabled === true),
    share('male', (c) => c.victimGender === 'male'),
    share('victimsAged16To17', (c) => c.victimAgeAtReferral === 16 || c.victimAgeAtReferral === 17),
    share('perpetratorsUnder18', (c) => c.perpetratorAge !== null && c.perpetratorAge < 18),
  )
  return {
    from: input.from,
    to: input.to,
    days,
    adultWomen: input.adultWomen,
    notes,
    figures,
    notKnown: {
      gender: count((c) => c.victimGender === 'not-known'),
      age: count((c) => c.victimAgeAtReferral === null),
      ethnicGroup: count((c) => c.victimEthnicGroup === 'not-known'),
      disability: count((c) => c.victimDisabled === null),
      lgbt: count((c) => c.victimLgbt === null),
      perpetratorAge: count((c) => c.perpetratorAge === null),
    },
  }
}

export interface ShownFigure {
  key: FigureKey
  label: string
  kind: FigureKind
  numerator: Shown
  denominator: Shown | null
  value: Shown | null
}

export interface ShownReturn extends Omit<SafeLivesReturn, 'figures' | 'notKnown'> {
  audience: Audience
  figures: ShownFigure[]
  notKnown: Record<keyof SafeLivesReturn['notKnown'], Shown>
}

/**
 * The return for an audience: exact for the panel; for anyone else with every count from 1 to 4
 * shown as "<5" and every figure that would give one back withheld (src/shared/suppression.ts).
 */
export function returnFor(audience: Audience, exact: SafeLivesReturn): ShownReturn {
  const figures = exact.figures.map((f): ShownFigure => {
    if (f.kind === 'count' || f.denominator === null) {
      const shown = countFor(audience, f.numerator)
      return { key: f.key, label: f.label, kind: f.kind, numerator: shown, denominator: null, value: shown }
    }
    // A population is not a count of cases: cases beside it give nothing back but themselves.
    const shown = proportionFor(
      audience,
      { numerator: f.numerator, denominator: f.denominator, value: f.value },
      { complement: f.kind === 'percentage' },
    )
    return { key: f.key, label: f.label, kind: f.kind, ...shown }
  })
  const notKnown = Object.fromEntries(
    Object.entries(exact.notKnown).map(([k, v]) => [k, countFor(audience, v)]),
  ) as ShownReturn['notKnown']
  return { ...exact, audience, figures, notKnown }
}

/** The return as it may leave the panel. */
export const returnLeavingPanel = (exact: SafeLivesReturn) => returnFor('leaving-panel', exact)
