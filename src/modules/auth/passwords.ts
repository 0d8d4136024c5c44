import { hash, verify } from '@node-rs/argon2'
import { commonPasswords } from './common-passwords.ts'

// NCSC password guidance: length over complexity, no composition rules, no forced
// expiry, and a deny-list of passwords that attackers try first (common-passwords.ts).
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

const TOO_COMMON = 'Password is too common – choose 3 random words, for example “walnut river lantern”'
// What people add to a common word to pass a length rule: digits (years among them), symbols, spaces.
const DRESSING = /^[^\p{L}]+|[^\p{L}]+$/gu

/** The word underneath: "Summer2024!!!" is "summer", "iloveyou123456" is "iloveyou". */
function coreOf(folded: string): string {
  return folded.replace(DRESSING, '')
}

function isTooCommon(folded: string): boolean {
  const list = commonPasswords()
  const core = coreOf(folded)
  return (
    list.has(folded) ||
    (core.length > 0 && list.has(core)) ||
    /^(.)\1+$/.test(folded) ||
    /^(password|safer|qwerty|welcome|letmein)[\d!@#$%.]*$/.test(folded)
  )
}

export const commonPasswordCount = () => commonPasswords().size

/** Plain-English reasons the password is not acceptable; empty when it is. */
export function passwordProblems(password: string, email = ''): string[] {
  if (password.length < MIN_PASSWORD_LENGTH)
    return [`Password must be ${MIN_PASSWORD_LENGTH} characters or more`]
  if (password.length > MAX_PASSWORD_LENGTH)
    return [`Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`]
  const folded = password.toLowerCase()
  const local = email.toLowerCase().split('@')[0] ?? ''
  if (isTooCommon(folded)) return [TOO_COMMON]
  if (local.length >= 4 && folded.includes(local)) return ['Password must not contain your email address']
  return []
}

/** argon2id with the library defaults (19 MiB memory, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('not-a-real-password-used-for-timing-only')
  return dummyHash
}
