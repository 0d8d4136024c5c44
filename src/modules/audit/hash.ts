import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface HashedContent {
  at: string
  actor_user_id: number | null
  actor: string
  action: string
  entity_type: string
  entity_id: string | null
  ip: string | null
  detail: string
}

function canonical(c: HashedContent): string {
  return JSON.stringify([
    c.at,
    c.actor_user_id,
    c.actor,
    c.action,
    c.entity_type,
    c.entity_id,
    c.ip,
    c.detail,
  ])
}

/**
 * The chain before it was keyed: plain SHA-256 over the previous entry's hash and this entry's content.
 * Anyone can compute it, so it only still verifies the legacy first segment of an older log.
 */
export function entryHash(prevHash: string, c: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(c)).digest('hex')
}

/** The keyed chain: the same input, as an HMAC-SHA-256 with the audit key, so nobody without it can make one. */
export function keyedEntryHash(key: string, prevHash: string, c: HashedContent): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonical(c)).digest('hex')
}

/** An HMAC-SHA-256 of a text, in hex: checkpoints and key hand-overs. */
export function sign(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex')
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}
