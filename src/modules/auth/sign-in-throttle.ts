import type { Executor } from '../../db/database.ts'
import * as repo from './repository.ts'

// Failed sign-ins are counted per email address typed and per network address. Five in 15 minutes lock
// that email from that address for 15 minutes. Every other address is slowed down, not locked: a lock
// keyed on the email alone let anyone lock anyone out by typing their address five times.
export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15
export const SLOW_DOWN_BASE_MS = 1_000
export const SLOW_DOWN_CAP_MS = 16_000

const WINDOW_MS = LOCKOUT_MINUTES * 60_000
// request.ip is always set by Fastify; the fallback keeps the key a key if a caller has none.
const UNKNOWN_ADDRESS = 'unknown'

/**
 * How long to hold a sign-in for an email that has failed this many times in the window, from any address:
 * nothing below the lockout threshold, then 1 s doubling with each further failure, up to 16 s.
 */
export function slowDownMs(recentFailures: number): number {
  if (recentFailures < MAX_FAILED_SIGN_INS) return 0
  return Math.min(SLOW_DOWN_BASE_MS * 2 ** (recentFailures - MAX_FAILED_SIGN_INS), SLOW_DOWN_CAP_MS)
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export const addressKey = (ip: string | null) => ip || UNKNOWN_ADDRESS

/** The counters behind the lock and the slow-down. Keyed on the text typed, so they say nothing about which accounts exist. */
export function createSignInThrottle(db: Executor) {
  async function isLocked(emailKey: string, ip: string, now: Date) {
    const row = await repo.findThrottle(db, emailKey, ip)
    return Boolean(row?.locked_until && Date.parse(row.locked_until) > now.getTime())
  }

  /** Waits as long as the email's recent failures from every address call for. */
  async function slowDown(emailKey: string, now: Date) {
    const failures = await repo.recentEmailFailures(
      db,
      emailKey,
      new Date(now.getTime() - WINDOW_MS).toISOString(),
    )
    const ms = slowDownMs(failures)
    if (ms > 0) await wait(ms)
  }

  /** Counts a failure; returns when the email is locked from this address until, if this failure locked it. */
  async function recordFailure(
    trx: Executor,
    emailKey: string,
    ip: string,
    now: Date,
  ): Promise<string | null> {
    const existing = await repo.findThrottle(trx, emailKey, ip)
    const windowOpen = existing && now.getTime() - Date.parse(existing.first_failure_at) < WINDOW_MS
    const failures = windowOpen ? existing.failures + 1 : 1
    const lockedUntil =
      failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + WINDOW_MS).toISOString() : null
    await repo.saveThrottle(trx, {
      email_key: emailKey,
      ip,
      failures,
      first_failure_at: windowOpen ? existing.first_failure_at : now.toISOString(),
      last_failure_at: now.toISOString(),
      locked_until: lockedUntil,
    })
    return lockedUntil
  }

  return {
    isLocked,
    slowDown,
    recordFailure,
    /** A right password clears this address's count for the email, not other addresses' (they may be an attacker's). */
    clear: (trx: Executor, emailKey: string, ip: string) => repo.clearThrottle(trx, emailKey, ip),
    purge: (now: Date) => repo.deleteThrottlesBefore(db, new Date(now.getTime() - WINDOW_MS).toISOString()),
  }
}
