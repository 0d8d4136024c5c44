import type { ActionNode, DeliverableNode, LeaderNode, PlanTree, ThemeNode } from '../plan-tree.ts'

// The importer's result is a PlanTree whose parts remember the spreadsheet row they came from.

/** One line of the data-quality report: the spreadsheet row, what was found and what was done. */
export interface RowNote {
  row: number
  message: string
}

export interface ParsedDeliverable extends DeliverableNode {
  row: number
}

export interface ParsedAction extends Omit<ActionNode, 'deliverables'> {
  row: number
  deliverables: ParsedDeliverable[]
}

export interface ParsedTheme extends Omit<ThemeNode, 'actions'> {
  row: number
  actions: ParsedAction[]
}

export interface ParsedLeader extends LeaderNode {
  row: number
  initials: string | null
}

export interface ParsedPlan extends Omit<PlanTree, 'title' | 'themes' | 'leadership'> {
  title: string | null
  themes: ParsedTheme[]
  leadership: ParsedLeader[]
  warnings: RowNote[]
  errors: RowNote[]
}
