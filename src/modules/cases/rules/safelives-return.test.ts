import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  type AdultWomen,
  type MaracCaseDiscussed,
  returnFor,
  returnLeavingPanel,
  safeLivesReturn,
} from './safelives-return.ts'
import { safeLivesReturnCsv } from './safelives-return-csv.ts'

const SOUTHWARK: AdultWomen = {
  count: 129_799,
  areaCode: 'E09000028',
  areaName: 'Southwark',
  year: 2020,
  source: 'ONS small area population estimates',
}

const base: MaracCaseDiscussed = {
  discussedOn: '2024-02-08',
  victimGender: 'female',
  victimAgeAtReferral: 34,
  victimEthnicGroup: 'white',
  victimDisabled: false,
  victimLgbt: false,
  repeat: false,
  referredBy: 'police',
  childrenInHousehold: 1,
  perpetratorAge: 38,
}

/** n cases like `base`, changed by `change` for the first `of` of them. */
const cases = (n: number, change: Partial<MaracCaseDiscussed> = {}, of = n) =>
  Array.from({ length: n }, (_, i) => (i < of ? { ...base, ...change } : { ...base }))

/**
 * A quarter of 20 cases: 6 repeats; 17 referred by partners other than police; 5 Black, Asian or
 * racially minoritised (and 2 not known); 3 male; none LGBT+ (4 not known); 5 disabled; 2 aged 16–17;
 * 1 perpetrator under 18 (and 1 not known); 31 children.
 */
function quarter(): MaracCaseDiscussed[] {
  const list = cases(20)
  const set = (from: number, to: number, change: Partial<MaracCaseDiscussed>) => {
    for (let i = from; i < to; i++) list[i] = { ...(list[i] as MaracCaseDiscussed), ...change }
  }
  set(0, 6, { repeat: true })
  set(0, 17, { referredBy: 'other' })
  set(0, 2, { victimEthnicGroup: 'black' })
  set(2, 4, { victimEthnicGroup: 'asian' })
  set(4, 5, { victimEthnicGroup: 'mixed' })
  set(5, 7, { victimEthnicGroup: 'not-known' })
  set(7, 10, { victimGender: 'male' })
  set(10, 14, { victimLgbt: null })
  set(14, 19, { victimDisabled: true })
  set(19, 20, { victimDisabled: null })
  set(0, 2, { victimAgeAtReferral: 17 })
  set(2, 3, { victimAgeAtReferral: 18 })
  set(3, 4, { victimAgeAtReferral: null })
  set(4, 5, { perpetratorAge: 17 })
  set(5, 6, { perpetratorAge: null })
  // 3 + 10 × 2 + 8 × 1 + 0 = 31 children.
  set(0, 1, { childrenInHousehold: 3 })
  set(1, 11, { childrenInHousehold: 2 })
  set(19, 20, { childrenInHousehold: 0 })
  // Discussed just outside the quarter: left out.
  list.push({ ...base, discussedOn: '2023-12-31' }, { ...base, discussedOn: '2024-04-01' })
  return list
}

const Q1 = { from: '2024-01-01', to: '2024-03-31' }

describe('the SafeLives quarterly return, for the panel', () => {
  it('gives every figure exactly, with its numerator and denominator', () => {
    const result = safeLivesReturn({ ...Q1, cases: quarter(), adultWomen: SOUTHWARK })
    expect(result.days).toBe(91)
    const byKey = Object.fromEntries(result.figures.map((f) => [f.key, f]))
    const pct = (numerator: number) => ({ numerator, denominator: 20, value: (numerator / 20) * 100 })
    expect(byKey.casesDiscussed).toMatchObject({ kind: 'count', numerator: 20, denominator: null, value: 20 })
    expect(byKey.childrenInHouseholds).toMatchObject({ kind: 'count', value: 31 })
    expect(byKey.casesPer10000AdultWomen).toMatchObject({
      kind: 'rate',
      numerator: 20,
      denominator: 129_799,
      value: (20 / 129_799) * 10_000,
    })
    expect(byKey.casesPer10000AdultWomenAYear?.value).toBe(((20 / 129_799) * 10_000 * 365.25) / 91)
    expect(byKey.repeat).toMatchObject({ label: '% repeat cases', ...pct(6) })
    expect(byKey.partnerReferrals).toMatchObject(pct(17))
    expect(byKey.blackAndMinoritised).toMatchObject(pct(5))
    expect(byKey.male).toMatchObject(pct(3))
    expect(byKey.lgbt).toMatchObject(pct(0))
    expect(byKey.disabled).toMatchObject(pct(5))
    expect(byKey.victimsAged16To17).toMatchObject(pct(2))
    expect(byKey.perpetratorsUnder18).toMatchObject(pct(1))
    expect(result.notKnown).toEqual({
      gender: 0,
      age: 1,
      ethnicGroup: 2,
      disability: 1,
      lgbt: 4,
      perpetratorAge: 1,
    })
    expect(result.notes).toEqual([])
    // The panel's own view is the same figures.
    expect(returnFor('panel', result).figures.map((f) => f.value)).toEqual(result.figures.map((f) => f.value))
  })

  it('leaves the rate out, saying why, when the area has no adult female population', () => {
    const result = safeLivesReturn({ ...Q1, cases: quarter(), adultWomen: null })
    expect(result.figures.map((f) => f.key)).not.toContain('casesPer10000AdultWomen')
    expect(result.notes).toEqual([
      'No adult female population is known for the area, so cases per 10,000 adult women are not given.',
    ])
  })

  it('gives no percentage of no cases, rather than 0%', () => {
    const result = safeLivesReturn({ ...Q1, cases: [], adultWomen: SOUTHWARK })
    expect(result.figures.find((f) => f.key === 'repeat')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    })
    expect(result.figures.find((f) => f.key === 'casesPer10000AdultWomen')?.value).toBe(0)
  })

  it('refuses a period that is not two real dates in order, or a population of nothing', () => {
    const problems = (input: Parameters<typeof safeLivesReturn>[0]) => {
      try {
        safeLivesReturn(input)
      } catch (error) {
        if (error instanceof ValidationError) return error.fieldErrors
      }
      return undefined
    }
    expect(problems({ from: '2024-04-01', to: '2024-03-31', cases: [], adultWomen: null })).toEqual({
      to: 'The end of the period cannot be before its start',
    })
    expect(problems({ from: '2024-02-30', to: '2024-03-31', cases: [], adultWomen: null })).toEqual({
      from: 'Enter the start of the period as YYYY-MM-DD',
    })
    expect(problems({ ...Q1, cases: [], adultWomen: { ...SOUTHWARK, count: 0 } })).toEqual({
      adultWomen: 'The adult female population must be a whole number above 0',
    })
  })
})

describe('the SafeLives return leaving the panel', () => {
  it('shows counts of 1 to 4 as <5 and withholds what would give them back', () => {
    const shown = returnLeavingPanel(safeLivesReturn({ ...Q1, cases: quarter(), adultWomen: SOUTHWARK }))
    const byKey = Object.fromEntries(shown.figures.map((f) => [f.key, f]))
    expect(byKey.casesDiscussed).toMatchObject({ numerator: 20, value: 20 })
    expect(byKey.repeat).toMatchObject({ numerator: 6, denominator: 20, value: 30 })
    // 17 of 20 would say that 3 were referred by the police.
    expect(byKey.partnerReferrals).toMatchObject({
      numerator: 'suppressed',
      denominator: 20,
      value: 'suppressed',
    })
    expect(byKey.male).toMatchObject({ numerator: '<5', value: 'suppressed' })
    expect(byKey.lgbt).toMatchObject({ numerator: 0, value: 0 })
    expect(byKey.victimsAged16To17).toMatchObject({ numerator: '<5', value: 'suppressed' })
    expect(byKey.perpetratorsUnder18).toMatchObject({ numerator: '<5', value: 'suppressed' })
    expect(byKey.casesPer10000AdultWomen).toMatchObject({ numerator: 20, denominator: 129_799 })
    expect(shown.notKnown).toEqual({
      gender: 0,
      age: '<5',
      ethnicGroup: '<5',
      disability: '<5',
      lgbt: '<5',
      perpetratorAge: '<5',
    })
  })

  it('withholds the rate too when the cases are fewer than 5', () => {
    const shown = returnLeavingPanel(safeLivesReturn({ ...Q1, cases: cases(3), adultWomen: SOUTHWARK }))
    expect(shown.figures.find((f) => f.key === 'casesPer10000AdultWomen')).toMatchObject({
      numerator: '<5',
      denominator: 129_799,
      value: 'suppressed',
    })
    expect(shown.figures.find((f) => f.key === 'repeat')).toMatchObject({
      numerator: 0,
      denominator: '<5',
      value: 'suppressed',
    })
  })
})

describe('the return as CSV', () => {
  it('writes each figure with its numerator and denominator, suppressed as it leaves the panel', () => {
    const exact = safeLivesReturn({ ...Q1, cases: quarter(), adultWomen: SOUTHWARK })
    const csv = safeLivesReturnCsv(returnLeavingPanel(exact))
    expect(csv.startsWith('\uFEFFfigure,numerator,denominator,value\r\n')).toBe(true)
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][]
    expect(rows).toContainEqual(['Cases discussed', '20', '', '20'])
    expect(rows).toContainEqual(['% repeat cases', '6', '20', '30'])
    expect(rows).toContainEqual(['% victims male', '<5', '20', 'suppressed'])
    expect(rows).toContainEqual(['adult women (16+)', '129799'])
    expect(rows).toContainEqual(['period from', '2024-01-01'])
    expect(rows.find((r) => r[0] === 'figures')?.[1]).toMatch(/^for sharing/)
    const panel = parse(safeLivesReturnCsv(returnFor('panel', exact)), {
      bom: true,
      relax_column_count: true,
    }) as string[][]
    expect(panel).toContainEqual(['% victims male', '3', '20', '15'])
  })

  it('never lets a name from a data file run as a formula', () => {
    const exact = safeLivesReturn({
      ...Q1,
      cases: [],
      adultWomen: { ...SOUTHWARK, areaName: '=HYPERLINK("http://example.invalid","x")', source: '+cmd' },
    })
    const rows = parse(safeLivesReturnCsv(returnLeavingPanel(exact)), {
      bom: true,
      relax_column_count: true,
    }) as string[][]
    expect(rows.find((r) => r[0] === 'area')?.[1]).toBe(
      `'=HYPERLINK("http://example.invalid","x") (E09000028)`,
    )
    expect(rows.find((r) => r[0] === 'population')?.[1]).toBe("'+cmd, mid-2020")
  })
})
