import type { Generated } from 'kysely'

// The reminders module's table (migration 0012_reminder_runs), merged into the shared Database type.

export interface ReminderRunTable {
  id: Generated<number>
  /** The scheduled window, London time (`2026-11-30T08:00`); null for a run by hand. */
  scheduled_for: string | null
  started_at: string
  finished_at: string | null
  sent: Generated<number>
  failed: Generated<number>
  skipped: Generated<number>
  /** Who started it, as the audit log names them (`system`, `cli:alice`, an administrator). */
  started_by: string
}

declare module '../../db/types.ts' {
  interface Database {
    reminder_runs: ReminderRunTable
  }
}
