import type { Generated, Selectable, Updateable } from 'kysely'

// The auth module's tables (migration 0001_foundation), merged into the shared Database type.

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

declare module '../../db/types.ts' {
  interface Database {
    users: UserTable
    sessions: SessionTable
    sign_in_throttle: SignInThrottleTable
    api_tokens: ApiTokenTable
  }
}

export type User = Selectable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type ApiToken = Selectable<ApiTokenTable>
