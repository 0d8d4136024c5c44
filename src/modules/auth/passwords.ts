import { hash, verify } from '@node-rs/argon2'

// NCSC password guidance: length over complexity, no composition rules, no forced
// expiry, and a deny-list of passwords that attackers try first.
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

// Common passwords long enough to pass the length rule (shorter ones fail it anyway).
const DENY_LIST = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000',
  'qwertyuiop12', 'qwertyuiopasdfghjkl', 'qwertyuiopasdf', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'password1234567', 'p@ssword1234',
  'iloveyou1234', 'abcdefghijkl', 'abcdef123456', 'abc123abc123', 'letmeinplease', 'welcome12345',
  'changeme1234', 'administrator', 'administrator1', 'trustno1trustno1', 'correcthorsebatterystaple',
  'correct horse battery staple', 'football1234', 'monkey123456', 'sunshine1234', 'princess1234',
  'liverpool1234', 'arsenal12345', 'chelsea12345', 'starwars1234', 'qwerty123456', 'asdfghjkl123',
])

/** Plain-English reasons the password is not acceptable; empty when it is. */
export function passwordProblems(password: string, email = ''): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`Password must be ${MIN_PASSWORD_LENGTH} characters or more`]
  if (password.length > MAX_PASSWORD_LENGTH) return [`Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`]
  const folded = password.toLowerCase()
  const local = email.toLowerCase().split('@')[0] ?? ''
  if (DENY_LIST.has(folded) || /^(.)\1+$/.test(folded) || /^(password|safer|qwerty|welcome|letmein)[\d!@#$%.]*$/.test(folded)) {
    return ['Password is too common – choose 3 random words, for example “walnut river lantern”']
  }
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
