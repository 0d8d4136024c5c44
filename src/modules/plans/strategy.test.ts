import { describe, expect, it } from 'vitest'
import { toListedStrategy, toPriority, toStrategy } from './strategy.ts'

const row = {
  id: 3,
  title: 'Violent Crime Strategy 2010–15',
  period: '2010–2015',
  status: 'adopted',
  adopted_on: '2010-11-16',
  adopted_by: 'Safer Southwark Partnership board',
  vision: null,
  created_at: '2026-11-01T09:00:00.000Z',
  updated_at: '2026-11-02T09:00:00.000Z',
  version: 2,
}

describe('strategies as domain objects', () => {
  it('names every column in the partnership’s words and keeps its dates as strings', () => {
    expect(toStrategy(row)).toEqual({
      id: 3,
      title: 'Violent Crime Strategy 2010–15',
      period: '2010–2015',
      status: 'adopted',
      adoptedOn: '2010-11-16',
      adoptedBy: 'Safer Southwark Partnership board',
      vision: null,
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
      version: 2,
    })
  })

  it('counts priorities as a number, whether the database gave a number, a string or nothing', () => {
    // PostgreSQL gives a count as a bigint string; a subquery over no rows may give null.
    expect(toListedStrategy({ ...row, priority_count: '4' }).priorityCount).toBe(4)
    expect(toListedStrategy({ ...row, priority_count: 2 }).priorityCount).toBe(2)
    expect(toListedStrategy({ ...row, priority_count: null }).priorityCount).toBe(0)
  })

  it('gives a priority’s stored lists back as lists, and the strategy it belongs to', () => {
    const priority = toPriority({
      id: 7,
      strategy_id: 3,
      position: 1,
      title: 'Reduce knife crime',
      description: null,
      objectives: '["Fewer injuries","Fewer weapons carried"]',
      focus: '[]',
      key_recommendations: '["Weapon sweeps"]',
      created_at: row.created_at,
      updated_at: row.updated_at,
      version: 1,
    })
    expect(priority).toEqual({
      id: 7,
      strategyId: 3,
      position: 1,
      title: 'Reduce knife crime',
      description: null,
      objectives: ['Fewer injuries', 'Fewer weapons carried'],
      focus: [],
      keyRecommendations: ['Weapon sweeps'],
      version: 1,
    })
  })
})
