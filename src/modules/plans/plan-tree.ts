import type { PlanDate } from './plan-dates.ts'
import type { Rag } from './rag.ts'

// A whole action plan as one value: what the importer reads, what the database gives back,
// and what the exporter writes. Export → import must give back the same tree.

export interface DeliverableNode {
  outcome: string
  leads: string[]
  leadOrganisations: string[]
  start: PlanDate | null
  end: PlanDate | null
  supportingOrganisations: string
  progress: string
  comment: string
  documentReferences: string
  rag: Rag
}

export interface ActionNode {
  /** As written, star included ("3", "*3"); null when the plan gave none. */
  number: string | null
  locallyAdded: boolean
  text: string
  deliverables: DeliverableNode[]
}

export interface ThemeNode {
  title: string
  subtitle: string
  notes: string[]
  actions: ActionNode[]
}

export interface LeaderNode {
  name: string
  initials?: string | null
  organisation: string
  role: string
}

export interface PlanTree {
  title: string
  leadership: LeaderNode[]
  strategicAims: string[]
  themes: ThemeNode[]
}
