import { existsSync, readFileSync } from 'node:fs'
import type { Config, DatabaseDialect } from '../../config.ts'
import type { Db, Executor } from '../../db/database.ts'
import {
  CHAIN_KEYED,
  type ChainSegment,
  ChainWalker,
  type HeadState,
  headState,
  KEY_ROTATED,
  rotationDetail,
  sealDetail,
} from './chain.ts'
import {
  appendCheckpoint,
  type Checkpoint,
  checkpointFile,
  readCheckpoints,
  retireCheckpoints,
  signCheckpoint,
} from './checkpoints.ts'
import { GENESIS_HASH, type HashedContent, keyedEntryHash } from './hash.ts'
import { keyring } from './keyring.ts'
import * as repo from './repository.ts'
import type { AuditEntryRow } from './tables.ts'

/** A checkpoint is written at least this often, counted in entry ids (which never run slower than entries). */
export const CHECKPOINT_EVERY = 100

export type AuditSettings = Pick<Config, 'auditKey' | 'auditPreviousKeys' | 'auditCheckpointDir'>

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; badEntryId: number | null; reason: string }

export interface VerifyReport {
  result: VerifyResult
  segments: ChainSegment[]
  checkpointFile: string
  checkpoints: number
  latest: Checkpoint | null
}

export interface WrittenCheckpoint {
  checkpoint: Checkpoint
  file: string
}

/** What had to be written before the head was signed with AUDIT_KEY. */
export type KeyedHead = 'empty' | 'current' | 'sealed' | 'rotated' | 'unknown'

export class AuditChainError extends Error {}

/** Keeps the chain keyed and anchored: the writer, the checkpoints outside the database, and verify. */
export function createAuditChain(db: Db, dialect: DatabaseDialect, settings: AuditSettings) {
  const keys = keyring(settings.auditKey, settings.auditPreviousKeys)
  let identity: Promise<string> | undefined
  const database = () => {
    identity ??= repo.databaseIdentity(db, dialect)
    return identity
  }
  // Never called inside a transaction: SQLite has one connection, and the transaction holds it.
  const file = async () => checkpointFile(settings.auditCheckpointDir, await database())
  let appendedSinceLook = false
  let lastCheckpointId: number | undefined

  /** Seals an unkeyed head, or hands a previous key's head over to AUDIT_KEY, with one entry signed by both. */
  async function bringHeadUnderKey(
    trx: Executor,
    head: AuditEntryRow,
    state: HeadState,
    at: string,
  ): Promise<AuditEntryRow | null> {
    let detail: Record<string, unknown>
    let action: string
    if (state.kind === 'legacy') {
      action = CHAIN_KEYED
      detail = sealDetail(keys.current, await repo.countUpTo(trx, head.id), head.hash)
    } else if (state.kind === 'previous') {
      action = KEY_ROTATED
      detail = rotationDetail(state.key, keys.current, head.hash, at)
    } else return null
    const content: HashedContent = {
      at,
      actor_user_id: null,
      actor: 'system',
      action,
      entity_type: 'audit_log',
      entity_id: null,
      ip: null,
      detail: JSON.stringify(detail),
    }
    const hash = keyedEntryHash(keys.current.secret, head.hash, content)
    const id = await repo.insertEntry(trx, { ...content, prev_hash: head.hash, hash })
    return { ...content, id, prev_hash: head.hash, hash }
  }

  /** Appends one entry, signed with AUDIT_KEY, inside the caller's transaction. */
  async function append(trx: Executor, content: HashedContent): Promise<void> {
    await repo.lockChain(trx, dialect)
    const head = await repo.lastEntry(trx)
    const marker = head ? await bringHeadUnderKey(trx, head, headState(head, keys), content.at) : null
    const prevHash = marker?.hash ?? head?.hash ?? GENESIS_HASH
    await repo.insertEntry(trx, {
      ...content,
      prev_hash: prevHash,
      hash: keyedEntryHash(keys.current.secret, prevHash, content),
    })
    appendedSinceLook = true
  }

  async function keyHead(): Promise<KeyedHead> {
    return db.transaction().execute(async (trx) => {
      await repo.lockChain(trx, dialect)
      const head = await repo.lastEntry(trx)
      const state = headState(head, keys)
      if (!head || state.kind === 'empty') return 'empty'
      if (state.kind === 'current' || state.kind === 'unknown') return state.kind
      await bringHeadUnderKey(trx, head, state, new Date().toISOString())
      return state.kind === 'legacy' ? 'sealed' : 'rotated'
    })
  }

  /** Signs the head as it is now and appends it to the checkpoint file; nothing for an empty log. */
  async function checkpoint(reason: string): Promise<WrittenCheckpoint | null> {
    const head = await repo.lastEntry(db)
    if (!head) return null
    const fields = {
      at: new Date().toISOString(),
      database: await database(),
      entryId: head.id,
      hash: head.hash,
      entries: await repo.countUpTo(db, head.id),
      reason,
    }
    const written = { checkpoint: signCheckpoint(fields, keys.current), file: await file() }
    appendCheckpoint(written.file, settings.auditCheckpointDir, written.checkpoint)
    lastCheckpointId = head.id
    return written
  }

  function lastCheckpointed(path: string): number {
    if (!existsSync(path)) return 0
    const last = readFileSync(path, 'utf8').trim().split('\n').at(-1)
    try {
      return Number(JSON.parse(last ?? '{}').entryId) || 0
    } catch {
      return 0
    }
  }

  /** After a change is committed: a checkpoint when the head is CHECKPOINT_EVERY ids past the last one. */
  async function checkpointIfDue(): Promise<WrittenCheckpoint | null> {
    if (!appendedSinceLook) return null
    appendedSinceLook = false
    const head = await repo.lastEntry(db)
    lastCheckpointId ??= lastCheckpointed(await file())
    if (!head || head.id - lastCheckpointId < CHECKPOINT_EVERY) return null
    return checkpoint(`every ${CHECKPOINT_EVERY} entries`)
  }

  /** At every start: seal or hand over the head if AUDIT_KEY is new to it, then anchor it. */
  async function startUp(reason = 'start'): Promise<{ head: KeyedHead; written: WrittenCheckpoint | null }> {
    const head = await keyHead()
    return { head, written: await checkpoint(reason) }
  }

  /** `safer audit rotate-key`: the new key's segment starts here, handed over by the old key. */
  async function rotateKey(): Promise<{ head: KeyedHead; written: WrittenCheckpoint | null; key: string }> {
    const head = await keyHead()
    if (head === 'unknown') {
      throw new AuditChainError(
        'The newest audit entry is signed with none of AUDIT_KEY and AUDIT_PREVIOUS_KEYS: give the key it was signed with in AUDIT_PREVIOUS_KEYS, or run "safer audit verify" to see what changed',
      )
    }
    return { head, written: await checkpoint('key rotation'), key: keys.current.id }
  }

  async function verifyInDetail(): Promise<VerifyReport> {
    const walker = new ChainWalker(keys)
    const path = await file()
    const reading = readCheckpoints(path, await database(), keys)
    const checkpoints = reading.ok ? reading.checkpoints : []
    const report = (result: VerifyResult): VerifyReport => ({
      result,
      segments: walker.segments,
      checkpointFile: path,
      checkpoints: checkpoints.length,
      latest: checkpoints.at(-1) ?? null,
    })
    if (!reading.ok) return report({ ok: false, entries: 0, badEntryId: null, reason: reading.reason })
    const byId = new Map<number, Checkpoint[]>()
    for (const c of checkpoints) byId.set(c.entryId, [...(byId.get(c.entryId) ?? []), c])
    const matched = new Set<Checkpoint>()
    let lastId = 0
    for (;;) {
      const page = await repo.entriesAfter(db, lastId, 1000)
      if (page.length === 0) break
      for (const row of page) {
        const failure = walker.push(row)
        if (failure) return report({ ok: false, entries: walker.entries, ...failure })
        for (const c of byId.get(row.id) ?? []) {
          if (c.hash !== row.hash || c.entries !== walker.entries) {
            const reason = `it does not match the checkpoint of ${c.at}, which records entry ${c.entryId} as entry number ${c.entries} with hash ${c.hash.slice(0, 12)}… (the log was rewritten)`
            return report({ ok: false, entries: walker.entries - 1, badEntryId: row.id, reason })
          }
          matched.add(c)
        }
        lastId = row.id
      }
    }
    const unsealed = walker.unsealedLegacy()
    if (unsealed > 0) {
      const reason = `its ${unsealed} entries are all in the older, unkeyed form and no entry signed with the audit key seals them: start Safer or run "safer audit checkpoint" to seal them`
      return report({ ok: false, entries: walker.entries, badEntryId: null, reason })
    }
    const unmatched = checkpoints.filter((c) => !matched.has(c)).sort((a, b) => b.entries - a.entries)[0]
    if (unmatched) {
      const first = walker.entries + 1
      const reason =
        unmatched.entries > walker.entries
          ? `${first === unmatched.entries ? `entry ${first} is` : `entries ${first}–${unmatched.entries} are`} missing: the checkpoint of ${unmatched.at} records ${unmatched.entries} entries ending at id ${unmatched.entryId}`
          : `entry ${unmatched.entryId}, which the checkpoint of ${unmatched.at} records, is missing`
      return report({ ok: false, entries: walker.entries, badEntryId: null, reason })
    }
    return report({ ok: true, entries: walker.entries })
  }

  return {
    append,
    checkpoint,
    checkpointIfDue,
    startUp,
    rotateKey,
    verifyInDetail,
    verify: async () => (await verifyInDetail()).result,
    /** `safer demo` starts a new log: the old one's checkpoints describe a log that no longer exists. */
    retireCheckpoints: async () => retireCheckpoints(await file(), new Date().toISOString()),
  }
}

export type AuditChain = ReturnType<typeof createAuditChain>
