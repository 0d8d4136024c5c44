import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { CaseKeyring } from './keys.ts'

// One encrypted field, as stored: `c1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The
// version says how to read the rest; the key id says which key sealed it. The field's purpose
// ('subject.identity') is bound in as additional data, so a value copied into another column,
// or another kind of record, fails to open instead of being read as something it is not.

const VERSION = 'c1'
const IV_BYTES = 12

export class CaseDataUnreadable extends Error {
  constructor(reason: string) {
    super(`Case data could not be decrypted: ${reason}`)
  }
}

export interface FieldCipher {
  seal(purpose: string, plain: string): string
  open(purpose: string, sealed: string): string
  /** JSON in and out, for a field made of parts (a name, an address with its dates). */
  sealJson(purpose: string, value: unknown): string
  openJson<T>(purpose: string, sealed: string): T
  /** The id of the key a stored value was sealed under: for re-encrypting under a new key. */
  keyIdOf(sealed: string): string
}

export function fieldCipher(keys: CaseKeyring): FieldCipher {
  function seal(purpose: string, plain: string): string {
    const key = keys.current
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', key.encryption, iv)
    cipher.setAAD(Buffer.from(purpose, 'utf8'))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))
    return [VERSION, key.id, ...parts].join('.')
  }

  function partsOf(sealed: string) {
    const parts = sealed.split('.')
    if (parts.length !== 5 || parts[0] !== VERSION) throw new CaseDataUnreadable('not a sealed value')
    const [, keyId, iv, tag, body] = parts as [string, string, string, string, string]
    return { keyId, iv, tag, body }
  }

  function open(purpose: string, sealed: string): string {
    const { keyId, iv, tag, body } = partsOf(sealed)
    const key = keys.byId(keyId)
    if (!key) throw new CaseDataUnreadable(`it was sealed under key ${keyId}, which is not CASE_DATA_KEY`)
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.encryption, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(purpose, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    } catch {
      throw new CaseDataUnreadable('it has been altered, or belongs to another field')
    }
  }

  return {
    seal,
    open,
    sealJson: (purpose, value) => seal(purpose, JSON.stringify(value)),
    openJson: <T>(purpose: string, sealed: string) => JSON.parse(open(purpose, sealed)) as T,
    keyIdOf: (sealed) => partsOf(sealed).keyId,
  }
}
