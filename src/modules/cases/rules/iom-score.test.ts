import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import {
  DEFAULT_IOM_MATRIX,
  type IomScoringMatrix,
  rankIomCandidates,
  scoreIomOffending,
} from './iom-score.ts'

const AS_OF = '2026-06-15'

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('the IOM selection score', () => {
  it('is 0 with an empty breakdown for someone with no offences', () => {
    expect(scoreIomOffending([], AS_OF)).toEqual({
      asOf: AS_OF,
      total: 0,
      components: { recency: 0, frequency: 0, gravity: 0 },
      offencesInWindow: 0,
      latestOffence: null,
      offences: [],
      notes: [],
    })
  })

  it('weighs each point of a burglary by neighbourhood crime priority', () => {
    const score = scoreIomOffending([{ date: '2026-05-01', group: 'burglary' }], AS_OF)
    const burglary = DEFAULT_IOM_MATRIX.groups.find((g) => g.id === 'burglary')
    if (!burglary) throw new Error('no burglary group')
    // Within 3 months: 3 recency points, 1 for frequency, gravity 3, all × priority 3.
    expect(score.components).toEqual({
      recency: 3 * burglary.priority,
      frequency: 1 * burglary.priority,
      gravity: burglary.gravity * burglary.priority,
    })
    expect(score.total).toBe((3 + 1 + 3) * 3)
    expect(score.offences[0]).toMatchObject({ scoredAs: 'burglary', band: 3, priority: 3, total: 21 })
  })

  it.each([
    ['2026-03-15', 3, 3],
    ['2026-03-14', 6, 2],
    ['2025-12-15', 6, 2],
    ['2025-12-14', 12, 1],
    ['2025-06-15', 12, 1],
  ])(
    'an offence on %s is in the %i-month band: the boundary day belongs to the nearer band',
    (date, band, points) => {
      const score = scoreIomOffending([{ date, group: 'other' }], AS_OF)
      expect(score.offences[0]?.band).toBe(band)
      expect(score.components.recency).toBe(points)
    },
  )

  it('counts nothing for an offence a day older than the window, but still lists it', () => {
    const score = scoreIomOffending([{ date: '2025-06-14', group: 'robbery' }], AS_OF)
    expect(score.total).toBe(0)
    expect(score.offencesInWindow).toBe(0)
    expect(score.latestOffence).toBeNull()
    expect(score.offences[0]).toMatchObject({ inWindow: false, band: null, total: 0 })
  })

  it('clamps bands at month ends: three months before 31 May is 28 February', () => {
    const asOf = '2026-05-31'
    expect(scoreIomOffending([{ date: '2026-02-28', group: 'other' }], asOf).offences[0]?.band).toBe(3)
    expect(scoreIomOffending([{ date: '2026-02-27', group: 'other' }], asOf).offences[0]?.band).toBe(6)
  })

  it('scores an unknown offence group as the fallback group and says so', () => {
    const score = scoreIomOffending([{ date: '2026-06-01', group: 'fraud' }], AS_OF)
    expect(score.offences[0]).toMatchObject({ scoredAs: 'other', unknownGroup: true })
    expect(score.total).toBe(3 + 1 + 1)
    expect(score.notes).toEqual([
      'Offence group "fraud" (2026-06-01) is not in the matrix: scored as Other offences',
    ])
  })

  it('uses the gravity set for a Home Office code in place of its group’s', () => {
    const matrix: IomScoringMatrix = { ...DEFAULT_IOM_MATRIX, codeGravity: { '28.1': 5 } }
    const coded = scoreIomOffending(
      [{ date: '2026-06-01', group: 'burglary', homeOfficeCode: '28.1' }],
      AS_OF,
      matrix,
    )
    const plain = scoreIomOffending(
      [{ date: '2026-06-01', group: 'burglary', homeOfficeCode: '30.1' }],
      AS_OF,
      matrix,
    )
    expect(coded.offences[0]).toMatchObject({ gravity: 15, gravityFrom: 'home-office-code' })
    expect(plain.offences[0]).toMatchObject({ gravity: 9, gravityFrom: 'group' })
  })

  it('adds up: the components and the offences each sum to the total', () => {
    const offences = [
      { date: '2026-06-15', group: 'robbery' },
      { date: '2026-01-02', group: 'violence' },
      { date: '2025-09-30', group: 'drugs' },
      { date: '2024-01-01', group: 'burglary' },
      { date: '2026-04-01', group: 'shoplifting' },
    ]
    const score = scoreIomOffending(offences, AS_OF)
    const { recency, frequency, gravity } = score.components
    expect(recency + frequency + gravity).toBe(score.total)
    expect(score.offences.reduce((s, o) => s + o.total, 0)).toBe(score.total)
    expect(score.offencesInWindow).toBe(4)
    expect(score.latestOffence).toBe('2026-06-15')
    expect(score.offences.map((o) => o.offence.date)).toEqual([
      '2026-06-15',
      '2026-04-01',
      '2026-01-02',
      '2025-09-30',
      '2024-01-01',
    ])
  })

  it('follows a partnership’s own matrix: drugs as the top priority', () => {
    const matrix: IomScoringMatrix = {
      ...DEFAULT_IOM_MATRIX,
      groups: DEFAULT_IOM_MATRIX.groups.map((g) => (g.id === 'drugs' ? { ...g, priority: 10 } : g)),
    }
    const drugs = scoreIomOffending([{ date: '2026-06-01', group: 'drugs' }], AS_OF, matrix)
    const robbery = scoreIomOffending([{ date: '2026-06-01', group: 'robbery' }], AS_OF, matrix)
    expect(drugs.total).toBe((3 + 1 + 2) * 10)
    expect(drugs.total).toBeGreaterThan(robbery.total)
  })

  it('refuses an offence after the assessment date, a date that is not real and an unusable matrix', () => {
    expect(fieldErrors(() => scoreIomOffending([{ date: '2026-06-16', group: 'other' }], AS_OF))).toEqual({
      'offences.0.date': 'An offence cannot be after the assessment date',
    })
    expect(fieldErrors(() => scoreIomOffending([{ date: '2026-02-29', group: 'other' }], AS_OF))).toEqual({
      'offences.0.date': 'Enter a real date as YYYY-MM-DD',
    })
    expect(
      fieldErrors(() =>
        scoreIomOffending([], AS_OF, {
          ...DEFAULT_IOM_MATRIX,
          fallbackGroup: 'missing',
          recencyBands: [
            { months: 6, points: 2 },
            { months: 3, points: 3 },
          ],
        }),
      ),
    ).toEqual({
      fallbackGroup: 'The fallback group "missing" is not one of the offence groups',
      recencyBands: 'Recency bands must be whole months, nearest first, each longer than the last',
    })
  })
})

describe('ranking IOM candidates', () => {
  const score = (...offences: [string, string][]) =>
    scoreIomOffending(
      offences.map(([date, group]) => ({ date, group })),
      AS_OF,
    )
  const order = (candidates: { subjectId: string; score: ReturnType<typeof score> }[]) =>
    rankIomCandidates(candidates).map((c) => c.subjectId)

  it('ranks the highest score first, numbered 1, 2, 3… whatever order the candidates come in', () => {
    const candidates = [
      { subjectId: 's-3', score: score(['2026-06-01', 'other']) },
      { subjectId: 's-1', score: score(['2026-06-01', 'robbery']) },
      { subjectId: 's-6', score: score() },
      { subjectId: 's-4', score: score(['2026-06-10', 'violence'], ['2025-01-01', 'other']) },
    ]
    const ranked = rankIomCandidates(candidates)
    expect(ranked.map((c) => [c.rank, c.subjectId, c.score.total])).toEqual([
      [1, 's-1', (3 + 1 + 4) * 3],
      [2, 's-4', (3 + 1 + 4) * 2],
      [3, 's-3', 3 + 1 + 1],
      [4, 's-6', 0],
    ])
    expect(rankIomCandidates([...candidates].reverse())).toEqual(ranked)
  })

  it('breaks a tie on the total by the greater gravity', () => {
    // Violence in the 6-month band: (2 + 1 + 4) × 2 = 14, gravity 8, recency 4.
    const grave = score(['2026-01-01', 'violence'])
    // Other and drugs now, other in the 12-month band: 5 + 6 + 3 = 14, gravity 4, recency 7.
    const recent = score(['2026-06-01', 'other'], ['2026-06-01', 'drugs'], ['2025-07-01', 'other'])
    expect([grave.total, grave.components.gravity, recent.total, recent.components.gravity]).toEqual([
      14, 8, 14, 4,
    ])
    expect(
      order([
        { subjectId: 'a', score: recent },
        { subjectId: 'b', score: grave },
      ]),
    ).toEqual(['b', 'a'])
  })

  it('then by the greater recency', () => {
    const older = score(['2025-07-01', 'other'], ['2025-07-01', 'other'])
    const newer = score(['2026-06-01', 'drugs'])
    expect([older.total, older.components.gravity, newer.total, newer.components.gravity]).toEqual([
      6, 2, 6, 2,
    ])
    expect(
      order([
        { subjectId: 'a', score: older },
        { subjectId: 'b', score: newer },
      ]),
    ).toEqual(['b', 'a'])
  })

  it('then by the later latest offence, then by subject id ascending', () => {
    const april = score(['2026-04-01', 'other'])
    const june = score(['2026-06-01', 'other'])
    expect(april.components).toEqual(june.components)
    expect(
      order([
        { subjectId: 'a', score: april },
        { subjectId: 'b', score: june },
      ]),
    ).toEqual(['b', 'a'])
    expect(
      order([
        { subjectId: 'b', score: june },
        { subjectId: 'c', score: june },
        { subjectId: 'a', score: june },
      ]),
    ).toEqual(['a', 'b', 'c'])
  })
})
