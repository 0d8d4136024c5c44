import type { DatabaseDialect } from '../../config.ts'
import type { Db, Executor } from '../../db/database.ts'
import { GENESIS_HASH, entryHash } from './hash.ts'
import * as repo from './repository.ts'

/** Who did something, and from where. Passed by every adapter into every service call that changes data. */
export interface Actor {
  userId: number | null
  label: string
  ip: string | null
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null }

export interface AuditEvent {
  action: string
  entityType: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
  detail?: Record<string, unknown>
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; badEntryId: number; reason: string }

// Secrets never enter the log, even hashed.
const SECRET_KEY = /password|token_hash|secret/i

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEY.test(k))
        .map(([k, v]) => [k, redact(v)]),
    )
  }
  return value
}

export function createAuditService(db: Db, dialect: DatabaseDialect) {
  async function record(exec: Executor, actor: Actor, event: AuditEvent): Promise<void> {
    const detail: Record<string, unknown> = { ...event.detail }
    if (event.before !== undefined) detail.before = event.before
    if (event.after !== undefined) detail.after = event.after
    const content = {
      at: new Date().toISOString(),
      actor_user_id: actor.userId,
      actor: actor.label,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId == null ? null : String(event.entityId),
      ip: actor.ip,
      detail: JSON.stringify(redact(detail)),
    }
    if (exec.isTransaction) return repo.appendEntry(exec, dialect, content)
    await exec.transaction().execute((trx) => repo.appendEntry(trx, dialect, content))
  }

  /** Walks the whole chain in id order; the first entry whose link or content does not match is reported. */
  async function verify(): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH
    let lastId = 0
    let entries = 0
    for (;;) {
      const page = await repo.entriesAfter(db, lastId, 1000)
      if (page.length === 0) return { ok: true, entries }
      for (const row of page) {
        if (row.prev_hash !== prevHash) {
          return { ok: false, entries, badEntryId: row.id, reason: 'its link to the previous entry is broken (an entry was removed or reordered)' }
        }
        if (entryHash(prevHash, row) !== row.hash) {
          return { ok: false, entries, badEntryId: row.id, reason: 'its content does not match its hash (the entry was altered)' }
        }
        prevHash = row.hash
        lastId = row.id
        entries++
      }
    }
  }

  async function search(filter: repo.AuditFilter, page: number, pageSize = 50) {
    const { rows, total } = await repo.searchEntries(db, filter, pageSize, (page - 1) * pageSize)
    return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) }
  }

  /** Records an event that is not part of a database change, such as a download. */
  const log = (actor: Actor, event: AuditEvent) => record(db, actor, event)

  return { record, log, verify, search, actions: () => repo.distinctActions(db) }
}

export type AuditService = ReturnType<typeof createAuditService>
export type { AuditFilter } from './repository.ts'
