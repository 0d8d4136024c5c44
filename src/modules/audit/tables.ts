import type { Generated, Selectable } from 'kysely'

// The audit module's table (migrations 0001_foundation and 0002), merged into the shared Database type.

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

declare module '../../db/types.ts' {
  interface Database {
    audit_log: AuditLogTable
  }
}

export type AuditEntryRow = Selectable<AuditLogTable>
