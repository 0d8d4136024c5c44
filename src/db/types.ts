import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Timestamps are ISO-8601 UTC strings in both dialects so that values read back
// identically from SQLite and PostgreSQL (see docs/adr/0002).

export interface OrganisationTable {
  id: Generated<number>
  name: string
  short_name: string
  type: string
  created_at: string
  updated_at: string
  version: number
}

export interface PersonTable {
  id: Generated<number>
  name: string
  job_title: string | null
  organisation_id: number | null
  email: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface UserTable {
  id: Generated<number>
  email: string
  name: string
  organisation_id: number
  role: string
  password_hash: string
  disabled_at: string | null
  created_at: string
  updated_at: string
  password_changed_at: string
  version: number
  /** The person in the plans this user is, set by an administrator (see migration 0005). */
  person_id: number | null
}

export interface SessionTable {
  id_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  ip: string | null
}

/** Failed sign-ins per email address typed (whether or not an account has it) and network address. */
export interface SignInThrottleTable {
  email_key: string
  ip: string
  failures: number
  first_failure_at: string
  last_failure_at: string
  locked_until: string | null
}

export interface ApiTokenTable {
  id: Generated<number>
  user_id: number
  name: string
  token_hash: string
  prefix: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  /** Null only if written by hand: such a token is treated as expired. */
  expires_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_user_id: number | null
  actor: string
  action: string
  entity_type: string
  entity_id: string | null
  ip: string | null
  detail: string
  prev_hash: string
  hash: string
}

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
}

export interface PlanActionTable {
  id: Generated<number>
  theme_id: number
  position: number
  number: string | null
  /** 0 or 1 */
  locally_added: number
  text: string
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

export interface Database {
  organisations: OrganisationTable
  people: PersonTable
  users: UserTable
  sessions: SessionTable
  sign_in_throttle: SignInThrottleTable
  api_tokens: ApiTokenTable
  audit_log: AuditLogTable
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

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Person = Selectable<PersonTable>
export type User = Selectable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type AuditEntryRow = Selectable<AuditLogTable>
export type ApiToken = Selectable<ApiTokenTable>
