import { randomInt, timingSafeEqual } from 'node:crypto'
import { sha256 } from '../../shared/secrets.ts'

// Letters and digits that cannot be mistaken for one another when read off a console and typed.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'
const GROUPS = 4
const GROUP_LENGTH = 4

/** As typed: any case, with or without the hyphens and spaces. */
const canonical = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '')

/**
 * The one-time code that lets whoever can read the server's console set Safer up in a browser.
 * Made at start, held only in this process's memory (as a hash), good for one successful setup.
 */
export function createSetupCode() {
  let held: Buffer | null = null

  return {
    /**
     * A new code, replacing any before it, such as "K7QM-2XWD-PA9R-TN4E": 16 characters from 30,
     * about 78 bits, far past guessing at sign-in's rate limit.
     */
    issue(): string {
      const groups = Array.from({ length: GROUPS }, () =>
        Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
      )
      const code = groups.join('-')
      held = Buffer.from(sha256(canonical(code)), 'hex')
      return code
    },
    /** Whether the code typed is the one issued; compared in constant time, over hashes of equal length. */
    matches(typed: string): boolean {
      if (!held) return false
      return timingSafeEqual(held, Buffer.from(sha256(canonical(typed)), 'hex'))
    },
    /** Setup is done: no code works again in this process. */
    spend() {
      held = null
    },
    get issued() {
      return held !== null
    },
  }
}

export type SetupCode = ReturnType<typeof createSetupCode>
