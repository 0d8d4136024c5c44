import { sql } from 'kysely'
import type { DatabaseDialect } from '../../config.ts'
import type { Executor } from '../../db/database.ts'
import type { AuditEntryRow } from './tables.ts'
import { GENESIS_HASH, type HashedContent, entryHash } from './hash.ts'

// Any constant works; it only has to be the same for every writer of the log.
export const AUDIT_LOCK_KEY = 727_001

export async function appendEntry(trx: Executor, dialect: DatabaseDialect, content: HashedContent): Promise<void> {
  // PostgreSQL writers run concurrently: serialise them so two entries never share a predecessor.
  // SQLite has one writer at a time already.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  await trx
    .insertInto('audit_log')
    .values({ ...content, prev_hash: prevHash, hash: entryHash(prevHash, content) })
    .execute()
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
  if (f.actor) q = q.where(sql<boolean>`lower(actor) like ${`%${likeLiteral(f.actor.toLowerCase())}%`} escape '\\'`)
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
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export async function distinctActions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()
  return rows.map((r) => r.action)
}
