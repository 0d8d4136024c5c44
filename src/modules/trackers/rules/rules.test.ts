import { describe, expect, it } from 'vitest'
import { byMonth, byPlace, type Counted, monthsFrom } from './summaries.ts'
import { trendOf, withPrevious } from './trend.ts'

describe('community tension trend', () => {
  it('is rising, stable or falling against the previous level, and none for an area’s first', () => {
    expect(trendOf(3, 2)).toBe('rising')
    expect(trendOf(3, 3)).toBe('stable')
    expect(trendOf(2, 4)).toBe('falling')
    expect(trendOf(1, null)).toBeNull()
    expect(trendOf(1, undefined)).toBeNull()
  })

  it('takes the previous assessment of the same area, by day and then as entered', () => {
    const assessed = withPrevious([
      { id: 4, areaName: 'Peckham', assessedOn: '2026-03-01', level: 4 },
      { id: 1, areaName: 'Peckham', assessedOn: '2026-01-01', level: 2 },
      { id: 2, areaName: 'Faraday', assessedOn: '2026-02-01', level: 5 },
      { id: 3, areaName: 'Peckham', assessedOn: '2026-03-01', level: 3 },
    ])
    expect(assessed.map((a) => [a.id, a.previousLevel])).toEqual([
      [4, 3],
      [1, null],
      [2, null],
      [3, 2],
    ])
    expect(assessed.map((a) => trendOf(a.level, a.previousLevel))).toEqual(['rising', null, null, 'rising'])
  })
})

describe('police activity summaries', () => {
  const ward = (code: string, name: string) => ({ kind: 'ward', code, name })
  const activities: Counted[] = [
    {
      activityOn: '2026-01-05',
      tactic: 'weapon-sweep',
      place: ward('E05011095', 'Peckham'),
      weaponsRecovered: 2,
    },
    {
      activityOn: '2026-01-20',
      tactic: 'weapon-sweep',
      place: ward('E05011095', 'Peckham'),
      weaponsRecovered: null,
    },
    {
      activityOn: '2026-01-21',
      tactic: 'knife-bin',
      place: { kind: 'text', code: null, name: 'Rye Lane' },
      weaponsRecovered: 7,
    },
    {
      activityOn: '2026-03-02',
      tactic: 'section-60',
      place: ward('E05011093', 'Old Kent Road'),
      weaponsRecovered: null,
    },
    {
      activityOn: '2025-12-31',
      tactic: 'weapon-sweep',
      place: ward('E05011095', 'Peckham'),
      weaponsRecovered: 1,
    },
  ]

  it('sums each month of the period, keeping months with none and leaving weapons uncounted as no total', () => {
    expect(byMonth(activities, '2026-01', '2026-03')).toEqual([
      {
        key: '2026-01',
        label: '2026-01',
        entries: 3,
        byTactic: { 'weapon-sweep': 2, 'knife-bin': 1 },
        weaponsRecovered: 9,
      },
      { key: '2026-02', label: '2026-02', entries: 0, byTactic: {}, weaponsRecovered: null },
      { key: '2026-03', label: '2026-03', entries: 1, byTactic: { 'section-60': 1 }, weaponsRecovered: null },
    ])
  })

  it('sums each place, a ward by its code and a described place by its name, most entries first', () => {
    const places = byPlace([
      ...activities,
      { ...activities[2], place: { kind: 'text', code: null, name: 'RYE LANE' } } as Counted,
    ])
    expect(places.map((p) => [p.key, p.label, p.entries, p.weaponsRecovered])).toEqual([
      ['ward:E05011095', 'Peckham', 3, 3],
      ['text:rye lane', 'Rye Lane', 2, 14],
      ['ward:E05011093', 'Old Kent Road', 1, null],
    ])
  })

  it('counts months across a year end', () => {
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsFrom('2026-02', '2026-01')).toEqual([])
  })
})
