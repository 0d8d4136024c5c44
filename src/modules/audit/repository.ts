import { sql } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'
import type { Executor } from '../../db/database.ts'
import type { HashedContent } from './hash.ts'
import type { AuditEntryRow } from './tables.ts'

// Any constant works; it only has to be the same for every writer of the log.
export const AUDIT_LOCK_KEY = 727_001

/**
 * Serialises writers of the log. PostgreSQL writers run concurrently, so they queue on an advisory
 * lock held until commit and two entries never share a predecessor; SQLite has one writer at a time already.
 */
export async function lockChain(trx: Executor, dialect: DatabaseDialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
}

export async function lastEntry(db: Executor): Promise<AuditEntryRow | undefined> {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

export async function insertEntry(
  trx: Executor,
  row: HashedContent & { prev_hash: string; hash: string },
): Promise<number> {
  const inserted = await trx.insertInto('audit_log').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(inserted.id)
}

/** How many entries there are up to and including an id: a checkpoint's count. */
export async function countUpTo(db: Executor, id: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '<=', id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Names the database the log lives in, as the database itself reports it, so that checkpoints of one
 * database are never compared with another's: the SQLite file, or PostgreSQL's server, database and schema.
 */
export async function databaseIdentity(db: Executor, dialect: DatabaseDialect): Promise<string> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{
      file: string
    }>`select file from pragma_database_list where name = 'main'`.execute(db)
    return `sqlite:${rows[0]?.file || ':memory:'}`
  }
  const { rows } = await sql<{
    id: string
  }>`select concat('postgres://', coalesce(host(inet_server_addr()), 'local'), ':',
    coalesce(inet_server_port(), 5432), '/', current_database(), '?schema=', current_schema()) as id`.execute(
    db,
  )
  return rows[0]?.id ?? 'postgres'
}

export async function entriesAfter(db: Executor, afterId: number, limit: number): Promise<AuditEntryRow[]> {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()
}

function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export interface AuditFilter {
  actor?: string
  action?: string
  entityType?: string
  entityId?: string
  from?: string
  to?: string
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log')
  // "Contains", taken literally: % and _ typed are not wildcards, and the escape character is named
  // because PostgreSQL's LIKE has \ as one by default and SQLite's has none.
  if (f.actor)
    q = q.where(sql<boolean>`lower(actor) like ${`%${likeLiteral(f.actor.toLowerCase())}%`} escape '\\'`)
  if (f.action) q = q.where('action', '=', f.action)
  if (f.entityType) q = q.where('entity_type', '=', f.entityType)
  if (f.entityId) q = q.where('entity_id', '=', f.entityId)
  if (f.from) q = q.where('at', '>=', f.from)
  if (f.to) q = q.where('at', '<', f.to)
  return q
}

export async function searchEntries(db: Executor, f: AuditFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export async function distinctActions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()
  return rows.map((r) => r.action)
}
