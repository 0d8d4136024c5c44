import { createHash, randomBytes } from 'node:crypto'

/** A random, URL-safe secret: session ids and API tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** Stored in place of the secret itself, so a copy of the database opens no sessions. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
