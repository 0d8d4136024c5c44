import type { Generated, Selectable, Updateable } from 'kysely'

// The auth module's tables (migration 0001_foundation, then 0005–0007), merged into the shared Database type.

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
