import type { Generated } from 'kysely'

// The plans module's tables (migration 0004_plans), merged into the shared Database type.

export interface StrategyTable {
  id: Generated<number>
  title: string
  period: string | null
  status: string
  adopted_on: string | null
  adopted_by: string | null
  vision: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface PriorityTable {
  id: Generated<number>
  strategy_id: number
  position: number
  title: string
  description: string | null
  /** JSON array of strings */
  objectives: string
  /** JSON array of strings */
  focus: string
  /** JSON array of strings */
  key_recommendations: string
  created_at: string
  updated_at: string
  version: number
}

export interface PlanTable {
  id: Generated<number>
  strategy_id: number | null
  title: string
  period: string | null
  owning_board: string | null
  source_file: string | null
  source_sha256: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface StrategicAimTable {
  id: Generated<number>
  strategy_id: number | null
  plan_id: number | null
  position: number
  text: string
}

export interface LeadershipMemberTable {
  id: Generated<number>
  strategy_id: number | null
  plan_id: number | null
  position: number
  person_id: number
  name_as_written: string
  initials: string | null
  organisation: string
  role: string
}

export interface PlanThemeTable {
  id: Generated<number>
  plan_id: number
  position: number
  title: string
  subtitle: string
  /** JSON array of strings */
  notes: string
  /** When it left the plan (removed, or gone from a re-import); NULL while live. Migration 0008. */
  archived_at: string | null
  archived_reason: string | null
  /** Who archived it, by name, as the audit log names them */
  archived_by: string | null
}

export interface PlanActionTable {
  id: Generated<number>
  theme_id: number
  position: number
  number: string | null
  /** 0 or 1 */
  locally_added: number
  text: string
  /** When it left the plan (removed, or gone from a re-import); NULL while live. Migration 0008. */
  archived_at: string | null
  archived_reason: string | null
  /** Who archived it, by name, as the audit log names them */
  archived_by: string | null
}

export interface DeliverableTable {
  id: Generated<number>
  action_id: number
  position: number
  outcome: string
  start_on: string | null
  end_on: string | null
  supporting_organisations: string
  progress: string
  comment: string
  document_references: string
  rag: string
  source_row: number | null
  created_at: string
  updated_at: string
  version: number
  /** When it left the plan (removed, or gone from a re-import); NULL while live. Migration 0008. */
  archived_at: string | null
  archived_reason: string | null
  /** Who archived it, by name, as the audit log names them */
  archived_by: string | null
}

export interface DeliverableLeadTable {
  deliverable_id: number
  position: number
  person_id: number
  name_as_written: string
}

export interface DeliverableLeadOrganisationTable {
  deliverable_id: number
  position: number
  name: string
}

export interface DeliverableUpdateTable {
  id: Generated<number>
  deliverable_id: number
  update_on: string
  author_user_id: number | null
  author_name: string
  text: string
  rag: string
  created_at: string
}

declare module '../../db/types.ts' {
  interface Database {
    strategies: StrategyTable
    priorities: PriorityTable
    plans: PlanTable
    strategic_aims: StrategicAimTable
    leadership_members: LeadershipMemberTable
    plan_themes: PlanThemeTable
    plan_actions: PlanActionTable
    deliverables: DeliverableTable
    deliverable_leads: DeliverableLeadTable
    deliverable_lead_organisations: DeliverableLeadOrganisationTable
    deliverable_updates: DeliverableUpdateTable
  }
}
