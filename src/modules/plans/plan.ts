import type { Selectable } from 'kysely'
import type { LeaderNode } from './plan-tree.ts'
import type { PlanTable } from './tables.ts'

// A plan's own record, the plan list, and the people who lead a plan or strategy, as services
// hand them on: camelCase, dates as strings. The whole plan, themes down, is PlanView (plan-view.ts).

/** The plan's own record, without its themes. */
export interface PlanHeader {
  id: number
  strategyId: number | null
  title: string
  period: string | null
  owningBoard: string | null
  /** The spreadsheet it was imported from, as named when imported. */
  sourceFile: string | null
  sourceSha256: string | null
  createdAt: string
  updatedAt: string
  version: number
}

/** A plan as the list of plans shows it, with the strategy it delivers. */
export interface ListedPlan {
  id: number
  title: string
  period: string | null
  owningBoard: string | null
  strategyId: number | null
  strategyTitle: string | null
  updatedAt: string
}

/** A plan a strategy lists as delivering it. */
export interface LinkedPlan {
  id: number
  title: string
  period: string | null
}

/** A member of a plan's or strategy's senior leadership, and the person they are. */
export interface Leader extends LeaderNode {
  initials: string | null
  personId: number
}

export function toPlanHeader(row: Selectable<PlanTable>): PlanHeader {
  return {
    id: row.id,
    strategyId: row.strategy_id,
    title: row.title,
    period: row.period,
    owningBoard: row.owning_board,
    sourceFile: row.source_file,
    sourceSha256: row.source_sha256,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

export function toListedPlan(row: {
  id: number
  title: string
  period: string | null
  owning_board: string | null
  strategy_id: number | null
  strategy_title: string | null
  updated_at: string
}): ListedPlan {
  return {
    id: row.id,
    title: row.title,
    period: row.period,
    owningBoard: row.owning_board,
    strategyId: row.strategy_id,
    strategyTitle: row.strategy_title,
    updatedAt: row.updated_at,
  }
}

export const toLinkedPlan = (row: { id: number; title: string; period: string | null }): LinkedPlan => ({
  id: row.id,
  title: row.title,
  period: row.period,
})

export function toLeader(row: {
  name: string
  initials: string | null
  organisation: string
  role: string
  person_id: number
}): Leader {
  return {
    name: row.name,
    initials: row.initials,
    organisation: row.organisation,
    role: row.role,
    personId: row.person_id,
  }
}
