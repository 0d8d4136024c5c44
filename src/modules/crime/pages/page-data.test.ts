import { describe, expect, it } from 'vitest'
import { compareCounts } from '../analysis/statistics.ts'
import { overviewView } from './overview.view.ts'
import { formatRate } from './page-data.ts'
import type { Overview } from './pages.service.ts'

describe('figures shown to a person', () => {
  it('shows a rate per 1,000 residents to two decimal places', () => {
    expect(formatRate((2419 * 1000) / 311_492)).toBe('7.77')
    expect(formatRate(2.5)).toBe('2.50')
    expect(formatRate(1234.567)).toBe('1,234.57')
    expect(formatRate(null)).toBe('–')
  })

  it('shapes the overview from figures gathered once, rounding only here', () => {
    const area = { type: 'lad' as const, code: 'E09000028', name: 'Southwark' }
    const query = {
      source: 'recorded' as const,
      area,
      from: '2023-03',
      to: '2023-04',
      categories: ['BURGLARY'],
      categoryLabel: 'Burglary',
      by: null,
      populationYear: null,
    }
    const exact = (2419 * 1000) / 311_492
    const overview: Overview = {
      query,
      total: 2419,
      rate: { query, count: 2419, population: 311_492, populationYear: 2022, ratePer1000: exact },
      change: {
        previous: { ...compareCounts(2419, 2300), from: '2023-01', to: '2023-02', complete: true },
        lastYear: { ...compareCounts(2419, 2419), from: '2022-03', to: '2022-04', complete: false },
      },
      monthly: [
        { month: '2023-03', count: 1200, loaded: true, rolling12: 0, rollingComplete: false },
        { month: '2023-04', count: 1219, loaded: true, rolling12: 0, rollingComplete: false },
      ],
      byType: [],
      outcomes: null,
      levels: [{ level: 1, from: '2023-03', to: '2023-04' }],
    }
    const view = overviewView(overview)
    expect(view.total).toBe('2,419')
    expect(view.rate.value).toBe('7.77')
    expect(view.rate.note).toBe('Population 311,492 (ONS mid-2022 estimate). Rounded to two decimal places.')
    // 2,419 against 2,300 is up 5.17…%, shown to one decimal place.
    expect(view.change.previous).toMatch(/^Up 5\.2% from 2,300 in January 2023 to February 2023/)
    expect(view.change.lastYear).toBe('No comparison: March 2022 to April 2022 is not all loaded')
    expect(view.levelsNote).toBe('Met figures at borough level for Mar 2023 to Apr 2023.')
    expect(view.monthly.rows).toEqual([
      ['Mar 2023', '1,200', '–'],
      ['Apr 2023', '1,219', '–'],
    ])
  })
})
