import type { Actor } from '../../access/actor.ts'
import type { DatabaseDialect } from '../../config.ts'
import type { Db, Executor } from '../../db/database.ts'
import { type AuditSettings, createAuditChain } from './integrity.ts'
import * as repo from './repository.ts'

// Actor lives in src/access so that src/http can name it without depending on this module.
export type { Actor }

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null }

export interface AuditEvent {
  action: string
  entityType: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
  detail?: Record<string, unknown>
}

/** A read of records that hold personal data: who read which record or list, and from where. */
export interface ViewedEvent {
  /** The kind of record or list read, as the module declares it in its sensitiveReads: `people`, `users`, `audit`. */
  what: string
  /** One record's id; none for a list. */
  entityId?: string | number | null
  /** The page or API path it was read through. */
  path: string
  /** The filters of a list, when it was filtered. */
  filter?: Record<string, unknown>
}

export const VIEWED = 'viewed'

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

export function createAuditService(db: Db, dialect: DatabaseDialect, settings: AuditSettings) {
  const chain = createAuditChain(db, dialect, settings)

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
    if (exec.isTransaction) return chain.append(exec, content)
    await exec.transaction().execute((trx) => chain.append(trx, content))
    // Committed: the head it made may be due its checkpoint. A caller's transaction is not committed
    // yet, so its entries are anchored by the next call here or by the web server after the request.
    await chain.checkpointIfDue()
  }

  async function search(filter: repo.AuditFilter, page: number, pageSize = 50) {
    const { rows, total } = await repo.searchEntries(db, filter, pageSize, (page - 1) * pageSize)
    return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) }
  }

  /** Records an event that is not part of a database change, such as a download. */
  const log = (actor: Actor, event: AuditEvent) => record(db, actor, event)

  /** Records a read of sensitive records, in the same chain as the changes. */
  const viewed = (actor: Actor, event: ViewedEvent) =>
    log(actor, {
      action: VIEWED,
      entityType: event.what,
      entityId: event.entityId,
      detail: {
        path: event.path,
        ...(event.filter && Object.keys(event.filter).length ? { filter: event.filter } : {}),
      },
    })

  return {
    record,
    log,
    viewed,
    search,
    actions: () => repo.distinctActions(db),
    verify: chain.verify,
    verifyInDetail: chain.verifyInDetail,
    checkpoint: chain.checkpoint,
    checkpointIfDue: chain.checkpointIfDue,
    startUp: chain.startUp,
    rotateKey: chain.rotateKey,
    retireCheckpoints: chain.retireCheckpoints,
  }
}

export type AuditService = ReturnType<typeof createAuditService>
export type { VerifyResult } from './integrity.ts'
export type { AuditFilter } from './repository.ts'
