import type { PlanDate } from '../plan-dates.ts'
import type { Rag } from '../rag.ts'

/** One line of the data-quality report: the spreadsheet row, what was found and what was done. */
export interface RowNote {
  row: number
  message: string
}

export interface ParsedDeliverable {
  row: number
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

export interface ParsedAction {
  row: number
  /** As written, star included: "3", "*3"; null when the row had none. */
  number: string | null
  locallyAdded: boolean
  text: string
  deliverables: ParsedDeliverable[]
}

export interface ParsedTheme {
  row: number
  title: string
  subtitle: string
  notes: string[]
  actions: ParsedAction[]
}

export interface ParsedLeader {
  row: number
  name: string
  initials: string | null
  organisation: string
  role: string
}

export interface ParsedPlan {
  title: string | null
  themes: ParsedTheme[]
  leadership: ParsedLeader[]
  strategicAims: string[]
  warnings: RowNote[]
  errors: RowNote[]
}
