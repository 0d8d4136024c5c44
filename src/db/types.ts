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
}

export interface SessionTable {
  id_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  ip: string | null
}

export interface SignInThrottleTable {
  email_key: string
  failures: number
  first_failure_at: string
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

export interface Database {
  organisations: OrganisationTable
  people: PersonTable
  users: UserTable
  sessions: SessionTable
  sign_in_throttle: SignInThrottleTable
  api_tokens: ApiTokenTable
  audit_log: AuditLogTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Person = Selectable<PersonTable>
export type User = Selectable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type AuditEntryRow = Selectable<AuditLogTable>
export type ApiToken = Selectable<ApiTokenTable>
