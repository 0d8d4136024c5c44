import type { DeliverableFlags } from './flags.ts'
import type { ActionNode, DeliverableNode, PlanTree, ThemeNode } from './plan-tree.ts'

// A stored plan as pages and the API show it: the tree with ids, versions and flags.

export interface DeliverableView extends DeliverableNode {
  id: number
  version: number
  leadPersonIds: number[]
  latestUpdateOn: string | null
  createdAt: string
  sourceRow: number | null
  flags: DeliverableFlags
}

export interface ActionView extends Omit<ActionNode, 'deliverables'> {
  id: number
  deliverables: DeliverableView[]
}

export interface ThemeView extends Omit<ThemeNode, 'actions'> {
  id: number
  actions: ActionView[]
}

export interface PlanView extends Omit<PlanTree, 'themes'> {
  id: number
  strategyId: number | null
  period: string | null
  owningBoard: string | null
  sourceFile: string | null
  updatedAt: string
  version: number
  themes: ThemeView[]
}

/** The plain tree of a view: what the exporter writes. */
export function treeOf(view: PlanView): PlanTree {
  return {
    title: view.title,
    leadership: view.leadership,
    strategicAims: view.strategicAims,
    themes: view.themes.map((t) => ({
      title: t.title,
      subtitle: t.subtitle,
      notes: t.notes,
      actions: t.actions.map((a) => ({
        number: a.number,
        locallyAdded: a.locallyAdded,
        text: a.text,
        deliverables: a.deliverables.map((d) => ({
          outcome: d.outcome,
          leads: d.leads,
          leadOrganisations: d.leadOrganisations,
          start: d.start,
          end: d.end,
          supportingOrganisations: d.supportingOrganisations,
          progress: d.progress,
          comment: d.comment,
          documentReferences: d.documentReferences,
          rag: d.rag,
        })),
      })),
    })),
  }
}
