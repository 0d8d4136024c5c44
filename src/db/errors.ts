/**
 * Whether a write failed on the UNIQUE constraint of one column, on either dialect.
 *
 * Services check for a duplicate before they write, which is enough on SQLite, where one
 * transaction runs at a time. PostgreSQL runs transactions side by side: two can both find no
 * duplicate, and the second insert then fails on the constraint. That has to mean the same as
 * the check, not a server error.
 */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  if (!(error instanceof Error)) return false
  const e = error as Error & { code?: unknown; table?: unknown; detail?: unknown }
  // pg: SQLSTATE 23505 unique_violation, detail "Key (column)=(value) already exists."
  if (e.code === '23505')
    return e.table === table && typeof e.detail === 'string' && e.detail.startsWith(`Key (${column})=`)
  // better-sqlite3: "UNIQUE constraint failed: table.column"
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE')
    return e.message === `UNIQUE constraint failed: ${table}.${column}`
  return false
}

/** Whether a write failed on any UNIQUE constraint of a table (one column or several), on either dialect. */
export function isUniqueViolationOn(error: unknown, table: string): boolean {
  if (!(error instanceof Error)) return false
  const e = error as Error & { code?: unknown; table?: unknown }
  if (e.code === '23505') return e.table === table
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE')
    return e.message.startsWith(`UNIQUE constraint failed: ${table}.`)
  return false
}
