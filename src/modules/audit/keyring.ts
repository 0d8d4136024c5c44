import { sign } from './hash.ts'

export interface AuditKey {
  /** A public name for the key, safe to write into the log and the checkpoints: it reveals nothing of the key. */
  id: string
  secret: string
}

/** The current audit key and those it replaced, for verifying the segments they signed. */
export interface Keyring {
  current: AuditKey
  all: AuditKey[]
  byId(id: unknown): AuditKey | undefined
}

export function auditKey(secret: string): AuditKey {
  return { id: sign(secret, 'safer audit key id').slice(0, 16), secret }
}

export function keyring(current: string, previous: readonly string[] = []): Keyring {
  const all = [current, ...previous.filter((k) => k !== current)].map(auditKey)
  return { current: all[0] as AuditKey, all, byId: (id) => all.find((k) => k.id === id) }
}
