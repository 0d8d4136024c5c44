import { entryHash, GENESIS_HASH, type HashedContent, keyedEntryHash, sameDigest, sign } from './hash.ts'
import type { AuditKey, Keyring } from './keyring.ts'
import type { AuditEntryRow } from './tables.ts'

/** The entry that seals the unkeyed entries of an older log under the audit key: the keyed chain starts there. */
export const CHAIN_KEYED = 'audit.chain-keyed'
/** The first entry of a new key's segment: signed by the new key, and handed over by the old one. */
export const KEY_ROTATED = 'audit.key-rotated'

/** Which signature the newest entry carries: what the next writer must do before it appends. */
export type HeadState =
  | { kind: 'empty' }
  | { kind: 'current' }
  | { kind: 'previous'; key: AuditKey }
  | { kind: 'legacy' }
  | { kind: 'unknown' }

export function headState(head: AuditEntryRow | undefined, keys: Keyring): HeadState {
  if (!head) return { kind: 'empty' }
  for (const key of keys.all) {
    if (sameDigest(keyedEntryHash(key.secret, head.prev_hash, head), head.hash)) {
      return key === keys.current ? { kind: 'current' } : { kind: 'previous', key }
    }
  }
  if (sameDigest(entryHash(head.prev_hash, head), head.hash)) return { kind: 'legacy' }
  return { kind: 'unknown' }
}

function handoverText(prevHash: string, toKeyId: string, at: string): string {
  return `safer audit key rotation\n${prevHash}\n${toKeyId}\n${at}`
}

/** The detail of a rotation entry: the old key vouches for the new one at this point of the chain. */
export function rotationDetail(from: AuditKey, to: AuditKey, prevHash: string, at: string) {
  return { from: from.id, to: to.id, handover: sign(from.secret, handoverText(prevHash, to.id, at)) }
}

export function sealDetail(key: AuditKey, legacyEntries: number, legacyHead: string) {
  return { key: key.id, legacyEntries, legacyHead }
}

export interface ChainFailure {
  badEntryId: number
  reason: string
}

export interface ChainSegment {
  /** The key's public id, or null for the unkeyed entries of an older log. */
  key: string | null
  firstId: number
  entries: number
}

function parseDetail(row: HashedContent): Record<string, unknown> {
  try {
    const value = JSON.parse(row.detail)
    return value && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

const ALTERED =
  'its content does not match its hash (the entry was altered, or rewritten without the audit key)'

/**
 * Walks the log in id order, one entry at a time: a legacy (plain SHA-256) first segment at most,
 * then keyed segments, each opened by a seal or a rotation entry, or by the very first entry of a new log.
 */
export class ChainWalker {
  entries = 0
  prevHash = GENESIS_HASH
  readonly segments: ChainSegment[] = []
  private key: AuditKey | null = null

  constructor(private readonly keys: Keyring) {}

  private open(key: AuditKey | null, row: AuditEntryRow) {
    this.key = key
    this.segments.push({ key: key?.id ?? null, firstId: row.id, entries: 0 })
  }

  /** Checks one entry; null when it belongs where it is. */
  push(row: AuditEntryRow): ChainFailure | null {
    const fail = (reason: string) => ({ badEntryId: row.id, reason })
    if (row.prev_hash !== this.prevHash)
      return fail('its link to the previous entry is broken (an entry was removed or reordered)')
    const problem = this.key ? this.keyed(row, this.key) : this.beforeKeyed(row)
    if (problem) return fail(problem)
    this.prevHash = row.hash
    this.entries++
    const segment = this.segments.at(-1)
    if (segment) segment.entries++
    return null
  }

  private matches(key: AuditKey, row: AuditEntryRow) {
    return sameDigest(keyedEntryHash(key.secret, row.prev_hash, row), row.hash)
  }

  private keyed(row: AuditEntryRow, key: AuditKey): string | null {
    if (row.action === KEY_ROTATED) return this.rotation(row, key)
    if (this.matches(key, row)) return null
    if (sameDigest(entryHash(row.prev_hash, row), row.hash)) {
      return 'it carries a plain SHA-256 hash where the audit key should have signed it (the chain was rewritten without the key)'
    }
    return ALTERED
  }

  private rotation(row: AuditEntryRow, from: AuditKey): string | null {
    const detail = parseDetail(row)
    const to = this.keys.byId(detail.to)
    if (!to)
      return `it starts a segment signed with key ${String(detail.to)}, which is neither AUDIT_KEY nor in AUDIT_PREVIOUS_KEYS`
    if (!this.matches(to, row)) return ALTERED
    const expected = rotationDetail(from, to, row.prev_hash, row.at)
    if (
      detail.from !== from.id ||
      typeof detail.handover !== 'string' ||
      !sameDigest(detail.handover, expected.handover)
    ) {
      return `its hand-over from key ${from.id} to key ${to.id} is not signed by the previous key`
    }
    this.open(to, row)
    return null
  }

  private beforeKeyed(row: AuditEntryRow): string | null {
    if (row.action === CHAIN_KEYED) {
      const detail = parseDetail(row)
      const key = this.keys.byId(detail.key)
      if (!key)
        return `it seals the log with key ${String(detail.key)}, which is neither AUDIT_KEY nor in AUDIT_PREVIOUS_KEYS`
      if (!this.matches(key, row)) return ALTERED
      if (detail.legacyEntries !== this.entries) {
        return `it seals ${String(detail.legacyEntries)} unkeyed entries, but ${this.entries} come before it`
      }
      this.open(key, row)
      return null
    }
    if (sameDigest(entryHash(row.prev_hash, row), row.hash)) {
      if (this.segments.length === 0) this.open(null, row)
      return null
    }
    // A log begun after the chain was keyed has no seal: its first entry is signed from the start.
    if (this.entries === 0) {
      const key = this.keys.all.find((k) => this.matches(k, row))
      if (key) {
        this.open(key, row)
        return null
      }
    }
    return ALTERED
  }

  /** Unkeyed entries that no keyed entry has sealed yet: anyone could have written them. */
  unsealedLegacy(): number {
    return this.key === null ? this.entries : 0
  }
}
