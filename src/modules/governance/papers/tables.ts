import type { Generated } from 'kysely'

// The papers part's tables (migration 0017_governance_papers), merged into the shared Database type.

export interface AgendaPaperTable {
  id: Generated<number>
  agenda_item_id: number
  kind: string
  title: string
  file_type: string | null
  size_bytes: number | null
  link_kind: string | null
  link_target_id: number | null
  created_at: string
}

export interface AgendaPaperFileTable {
  paper_id: number
  content: Buffer
}

export interface ResolutionPlanLinkTable {
  id: Generated<number>
  resolution_id: number
  target_kind: string
  target_id: number
  created: number
  created_at: string
}

export interface ActionArisingDeliverableTable {
  action_arising_id: number
  deliverable_id: number
}

declare module '../../../db/types.ts' {
  interface Database {
    agenda_papers: AgendaPaperTable
    agenda_paper_files: AgendaPaperFileTable
    resolution_plan_links: ResolutionPlanLinkTable
    action_arising_deliverables: ActionArisingDeliverableTable
  }
}
