import { createHash } from 'node:crypto'

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

/** SHA-256 over the previous entry's hash and this entry's content, in a fixed field order. */
export function entryHash(prevHash: string, c: HashedContent): string {
  const content = JSON.stringify([c.at, c.actor_user_id, c.actor, c.action, c.entity_type, c.entity_id, c.ip, c.detail])
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex')
}
