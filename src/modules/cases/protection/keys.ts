import { createHash, createHmac, hkdfSync } from 'node:crypto'

// CASE_DATA_KEY is 32 random bytes, written as base64 (or base64url) or hex. Every encrypted value
// names the key it was sealed under by a public id, so a later key can be brought in beside the old
// one and the values re-encrypted one by one (`safer cases rotate-key`, to come) without a flag day.

/** A case data key: the AES-256-GCM key, the blind-index key derived from it, and a public id. */
export interface CaseKey {
  /** Safe to store beside a value: a keyed hash that reveals nothing of the key. */
  id: string
  encryption: Buffer
  blindIndex: Buffer
}

export interface CaseKeyring {
  current: CaseKey
  byId(id: string): CaseKey | undefined
}

/** Why a written key is refused, or null when it is a usable 32-byte key. */
export function caseKeyProblem(written: string): string | null {
  return keyBytes(written) ? null : 'CASE_DATA_KEY must be 32 random bytes written as base64 or hex'
}

function keyBytes(written: string): Buffer | null {
  const text = written.trim()
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) {
    const bytes = Buffer.from(text, 'base64')
    return bytes.length === 32 ? bytes : null
  }
  return null
}

/**
 * The key from its written form. A development key (any text that is not a 32-byte key, which only
 * config lets through outside production) is stretched with SHA-256, so it is still 32 bytes.
 */
export function caseKey(written: string): CaseKey {
  const secret = keyBytes(written) ?? createHash('sha256').update(written).digest()
  // Separate keys for separate jobs: the blind index never reuses the encryption key.
  const blindIndex = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'safer case blind index v1', 32))
  return {
    id: createHmac('sha256', secret).update('safer case key id').digest('hex').slice(0, 12),
    encryption: secret,
    blindIndex,
  }
}

/** The current key first, then those it replaced: values under an older key still open until re-encrypted. */
export function caseKeyring(current: string, previous: readonly string[] = []): CaseKeyring {
  const keys = [current, ...previous].map(caseKey)
  return { current: keys[0] as CaseKey, byId: (id) => keys.find((k) => k.id === id) }
}
