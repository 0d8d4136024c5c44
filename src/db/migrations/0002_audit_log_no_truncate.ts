import { type Kysely, sql } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema as it was, not today's types
type AnyDb = Kysely<any>

// 0001's row triggers stop UPDATE and DELETE, but PostgreSQL's TRUNCATE fires no row triggers:
// it emptied the log, and an empty log verifies as an unbroken chain. SQLite has no TRUNCATE
// (emptying a table is a DELETE there, which 0001 already refuses), so the log means the same
// on both dialects only with this statement trigger on PostgreSQL.
export function auditLogNoTruncate(dialect: DatabaseDialect) {
  return {
    async up(db: AnyDb): Promise<void> {
      if (dialect !== 'postgres') return
      await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db)
    },

    async down(db: AnyDb): Promise<void> {
      if (dialect !== 'postgres') return
      await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db)
    },
  }
}
