import type { Selectable } from 'kysely'
import type { Leader, LinkedPlan } from './plan.ts'
import type { PriorityTable, StrategyTable } from './tables.ts'

// Strategies and their priorities as services hand them to pages, the API and the command line:
// camelCase, dates as strings, and a priority's lists as lists.

/** A strategy's own record, without what hangs from it. */
export interface StrategyRecord {
  id: number
  title: string
  period: string | null
  /** draft, adopted or superseded */
  status: string
  /** YYYY-MM-DD */
  adoptedOn: string | null
  adoptedBy: string | null
  vision: string | null
  createdAt: string
  updatedAt: string
  version: number
}

/** A strategy as the list of strategies shows it. */
export interface ListedStrategy extends StrategyRecord {
  priorityCount: number
}

export interface Priority {
  id: number
  strategyId: number
  /** From 0, in the strategy's order. */
  position: number
  title: string
  description: string | null
  objectives: string[]
  focus: string[]
  keyRecommendations: string[]
  version: number
}

/** One strategy whole, for its page and the API. */
export interface Strategy extends StrategyRecord {
  priorities: Priority[]
  strategicAims: string[]
  leadership: Leader[]
  /** The action plans that deliver it. */
  plans: LinkedPlan[]
}

export function toStrategy(row: Selectable<StrategyTable>): StrategyRecord {
  return {
    id: row.id,
    title: row.title,
    period: row.period,
    status: row.status,
    adoptedOn: row.adopted_on,
    adoptedBy: row.adopted_by,
    vision: row.vision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

// PostgreSQL counts as a bigint, which arrives as a string.
export function toListedStrategy(
  row: Selectable<StrategyTable> & { priority_count: number | string | null },
): ListedStrategy {
  return { ...toStrategy(row), priorityCount: Number(row.priority_count ?? 0) }
}

export function toPriority(row: Selectable<PriorityTable>): Priority {
  return {
    id: row.id,
    strategyId: row.strategy_id,
    position: row.position,
    title: row.title,
    description: row.description,
    objectives: JSON.parse(row.objectives) as string[],
    focus: JSON.parse(row.focus) as string[],
    keyRecommendations: JSON.parse(row.key_recommendations) as string[],
    version: row.version,
  }
}
